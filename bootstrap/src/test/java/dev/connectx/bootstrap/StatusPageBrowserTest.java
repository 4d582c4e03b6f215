package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page connected to Connect with an event recorded twice: complete as served, before any script (written
 * on the server, no "unknown" first), live in headless Chromium, and photographed there at a desktop and a phone
 * width into {@code target/screenshots/}.
 */
class StatusPageBrowserTest {

    private static final String KEY = "ApiKey SU-111-222-333:status-page";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path work;

    @Test
    void the_page_reads_without_scripts_refreshes_with_them_and_fits_two_widths() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Debian's chromium is not installed (apt-get install chromium)");
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                ConnectxApp app = ConnectxApp.start(TestConfig.config(
                        TestConfig.connected(work.resolve("data"), connect, KEY, "ENV-1234-5678-01")))) {
            connect.awaitHandshakes(1, Duration.ofSeconds(20));
            connect.putRequest(PurchaseRequestJson.of(
                    "PR-7200-0000-0001", "pending", "2026-12-01T10:00:00+00:00", "AS-7200-0000-0001", "PRD-1"));
            for (int delivery = 0; delivery < 2; delivery++) {
                connect.awaitResult(connect.deliver("PR-7200-0000-0001"), Duration.ofSeconds(20));
            }
            String url = "http://127.0.0.1:" + app.httpPort() + "/";

            // What a reader without JavaScript gets is the page as served: no script has run on it.
            String still;
            try (io.helidon.webclient.api.HttpClientResponse page = io.helidon.webclient.api.WebClient.create()
                    .get()
                    .uri(java.net.URI.create(url))
                    .request()) {
                still = page.as(String.class);
            }
            assertTrue(still.contains("id=\"connect-state\" class=\"ok\">connected"), still);
            assertTrue(still.contains("id=\"store-state\" class=\"ok\">reachable"), still);
            assertTrue(still.contains("2 kept") && still.contains("1 duplicate ·"), still);
            assertTrue(still.contains("PR-7200-0000-0001") && still.contains("<svg id=\"per-minute\""), still);
            assertTrue(still.contains("connected to ws://127.0.0.1:" + connect.port()), "the connection's history");
            assertTrue(still.contains("version " + Version.current() + " · up "), still);
            assertFalse(still.contains("unknown") || still.contains("never"), "nothing waits for a script: " + still);

            String live = HeadlessChromium.renderedDom(work, url);
            assertTrue(live.contains("id=\"connect-state\" class=\"ok\">connected"), live);
            assertTrue(
                    live.contains("<div id=\"offline\" class=\"bad\" hidden=\"\">"), "the refreshes answered: " + live);

            for (int[] size : new int[][] {{1280, 1000}, {390, 1400}}) {
                Path png = SCREENSHOTS.resolve("status-" + size[0] + ".png");
                HeadlessChromium.screenshot(work, url, size[0], size[1], png);
                byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
                assertArrayEquals(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, png + " is a PNG");
                assertTrue(Files.size(png) > 10_000, png + " shows something: " + Files.size(png) + " bytes");
                System.out.println("status page screenshot: " + png.toAbsolutePath());
            }
        }
    }
}
