package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.LoopbackProxy;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every outbound HTTP connection through a real proxy on loopback that wants credentials: the WebSocket to Connect
 * (a {@code CONNECT} tunnel), Connect's REST calls (absolute-form requests) and the Data API client (a tunnel); and
 * none of them through it for a host {@code NO_PROXY} names.
 */
class ProxyTest {

    private static final String KEY = "ApiKey SU-111-222-333:proxy-test-key";
    private static final String DATA_API_KEY = "proxy-test-data-api-key";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void connect_and_the_data_api_are_reached_through_the_proxy_with_its_credentials_never_logged() throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                LoopbackProxy proxy = LoopbackProxy.requiring("ops", "pr0xy-s3cret");
                CapturedLog log = CapturedLog.from(Level.INFO);
                ConnectxApp app = ConnectxApp.start(TestConfig.config(TestConfig.with(
                        TestConfig.onOwnDataApi(
                                TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01"), DATA_API_KEY),
                        "http_proxy",
                        proxy.url("ops", "pr0xy-s3cret"))))) {
            assertEquals("success", deliverOne(connect, "PR-7000-0000-0001"));

            List<String> through = proxy.requests();
            assertTrue(through.contains("CONNECT 127.0.0.1:" + connect.port()), "the WebSocket: " + through);
            assertTrue(
                    through.stream().anyMatch(r -> r.startsWith("GET " + connect.apiAddress() + "/public/v1/requests")),
                    "Connect's REST calls: " + through);
            // Helidon names the target by its host name, which 127.0.0.1 has as localhost
            assertTrue(
                    through.contains("CONNECT 127.0.0.1:" + app.httpPort())
                            || through.contains("CONNECT localhost:" + app.httpPort()),
                    "the Data API: " + through);
            assertTrue(proxy.challenges() > 0, "the proxy asked for its credentials and got them");
            assertEquals(1, StoredEvents.count(app, "http_data"));
            assertTrue(log.text().contains("http via http://ops:****@127.0.0.1:" + proxy.port()), log.text());
            assertFalse(log.text().contains("pr0xy-s3cret"));
        }
    }

    @Test
    void hosts_that_no_proxy_names_are_reached_directly() throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                LoopbackProxy proxy = LoopbackProxy.open();
                ConnectxApp app = ConnectxApp.start(TestConfig.config(TestConfig.with(
                        TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01"),
                        "HTTP_PROXY",
                        proxy.url(null, null),
                        "NO_PROXY",
                        "localhost,127.0.0.1")))) {
            assertEquals("success", deliverOne(connect, "PR-7000-0000-0002"));
            assertEquals(List.of(), proxy.requests());
            assertEquals(1, StoredEvents.count(app));
        }
    }

    @Test
    void a_malformed_proxy_fails_the_start_naming_the_variable_and_not_quoting_it() {
        StartupException e = org.junit.jupiter.api.Assertions.assertThrows(
                StartupException.class,
                () -> ConnectxApp.start(TestConfig.config(
                        TestConfig.with(TestConfig.local(dataDir), "HTTPS_PROXY", "socks5://u:hunter2@proxy:1080"))));

        assertTrue(e.getMessage().contains("HTTPS_PROXY"), e.getMessage());
        assertTrue(e.getMessage().contains("only http:// proxies"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    /** Once connected, Connect holds one pending purchase request and delivers its task; the result connectx gave. */
    private static String deliverOne(ConnectSimulator connect, String requestId) {
        connect.awaitHandshakes(1, WAIT);
        connect.putRequest(PurchaseRequestJson.of(
                requestId, "pending", "2026-12-01T10:00:00+00:00", requestId.replace("PR-", "AS-"), "PRD-1"));
        return connect.awaitResult(connect.deliver(requestId), WAIT).result();
    }
}
