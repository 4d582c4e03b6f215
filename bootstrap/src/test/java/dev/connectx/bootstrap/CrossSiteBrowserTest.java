package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web page of another origin, in a real browser (Debian's headless chromium), tries every way a page can post to
 * connectx on loopback: {@code fetch} in no-cors mode with a text body, {@code fetch} with JSON (which needs a CORS
 * preflight), and a form submitted with {@code enctype="text/plain"}. connectx receives the requests and stores
 * nothing. And the status page works in the same browser when a token guards it, with the token as the Basic password.
 */
class CrossSiteBrowserTest {

    private static final String TOKEN = "browser-token-0123456789";

    @TempDir
    Path dataDir;

    private ConnectxApp start(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(TestConfig.local(dataDir));
        values.putAll(extra);
        return ConnectxApp.start(TestConfig.config(values));
    }

    @Test
    void a_page_of_another_origin_cannot_store_an_event_through_local_delivery() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Debian's chromium is not installed (apt-get install chromium)");
        String sample = RepositoryFiles.samplePurchaseRequest()
                .replace("2023-01-18T10:02:13+00:00", "2999-01-01T00:00:00+00:00");
        try (CapturedLog log = CapturedLog.from(Level.FINE);
                ConnectxApp app = start(Map.of())) {
            String target = "http://127.0.0.1:" + app.httpPort() + "/local/purchase-requests";
            WebServer attacker = WebServer.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .shutdownHook(false)
                    .routing(routing -> routing.get(
                            "/attack.html",
                            (request, response) -> response.header("Content-Type", "text/html; charset=utf-8")
                                    .send(attackPage(target, sample))))
                    .build()
                    .start();
            try {
                String dom =
                        HeadlessChromium.renderedDom(dataDir, "http://127.0.0.1:" + attacker.port() + "/attack.html");

                assertTrue(dom.contains("<title>attack done</title>"), "the attack page ran to its end: " + dom);
            } finally {
                attacker.stop();
            }
            long refused = log.text()
                    .lines()
                    .filter(line -> line.contains("Refused a local delivery"))
                    .count();
            assertTrue(
                    refused >= 2,
                    "the forged posts reached connectx and were refused (" + refused + "):\n" + log.text());
            assertEquals(0, StoredEvents.count(app), "nothing stored");
        }
    }

    @Test
    void the_status_page_works_in_a_browser_with_the_token_as_basic_password() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Debian's chromium is not installed (apt-get install chromium)");
        try (ConnectxApp app = start(Map.of("CONNECTX_API_TOKEN", TOKEN))) {
            RawHttp.Response posted = RawHttp.exchange(
                    app.httpPort(),
                    "POST",
                    "/local/purchase-requests",
                    RepositoryFiles.samplePurchaseRequest(),
                    "Content-Type: application/json",
                    "Authorization: Bearer " + TOKEN);
            assertEquals(200, posted.status(), posted.body());

            String withToken = HeadlessChromium.renderedDom(
                    dataDir, "http://operator:" + TOKEN + "@127.0.0.1:" + app.httpPort() + "/");
            String without = HeadlessChromium.renderedDom(dataDir, "http://127.0.0.1:" + app.httpPort() + "/");

            assertTrue(
                    withToken.contains("PR-5571-0393-2216-001"),
                    "the page read /api/status with the token: " + withToken);
            assertTrue(
                    !without.contains("PR-5571-0393-2216-001") && !without.contains("Latest events"),
                    "no page without it: " + without);
        }
    }

    /** Every cross-site way to post; the title says when all have been tried. */
    private static String attackPage(String target, String body) {
        String json = body.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${");
        return """
                <!doctype html><html><head><title>attack</title></head><body>
                <iframe name="sink" style="display:none"></iframe>
                <form id="form" method="POST" enctype="text/plain" target="sink" action="TARGET">
                  <input type="hidden" name='{"id":"PR-0000-0000-0000-001","x":"' value='"}'>
                </form>
                <script>
                const body = `JSON`;
                async function attack() {
                  try { await fetch("TARGET", {mode: "no-cors", method: "POST", body: body, headers: {"Content-Type": "text/plain"}}); } catch (e) {}
                  try { await fetch("TARGET", {mode: "no-cors", method: "POST", body: body, headers: {"Content-Type": "application/json"}}); } catch (e) {}
                  try { await fetch("TARGET", {method: "POST", body: body, headers: {"Content-Type": "application/json"}}); } catch (e) {}
                  document.getElementById("form").submit();
                  await new Promise(resolve => setTimeout(resolve, 1000));
                  document.title = "attack done";
                }
                attack();
                </script></body></html>
                """.replace("TARGET", target).replace("JSON", json);
    }
}
