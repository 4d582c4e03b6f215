package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.bootstrap.RawHttp.Response;
import dev.connectx.testing.support.RepositoryFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who the HTTP server answers, over raw HTTP on loopback: the {@code Host} rule (what stops DNS rebinding), the API
 * token, the security headers, and the refusal to listen beyond loopback without a token.
 */
class HttpAccessTest {

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final List<String> GUARDED = List.of("/", "/api/status", "/api/events", "/nothing-here");

    @TempDir
    Path dataDir;

    private ConnectxApp start(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(TestConfig.local(dataDir));
        values.putAll(overrides);
        return ConnectxApp.start(TestConfig.config(values));
    }

    @Test
    void a_request_for_a_foreign_host_name_is_answered_421_on_every_guarded_path_and_health_stays_open()
            throws Exception {
        try (ConnectxApp app = start(Map.of())) {
            int port = app.httpPort();
            for (String path : GUARDED) {
                Response rebound = RawHttp.exchange(port, "GET", path, null, "Host: attacker.example:" + port);
                assertEquals(421, rebound.status(), path + ": " + rebound.body());
                assertFalse(rebound.body().contains("PR-"), rebound.body());
            }
            Response post = RawHttp.exchange(
                    port,
                    "POST",
                    "/local/purchase-requests",
                    sample(),
                    "Host: attacker.example:" + port,
                    "Content-Type: application/json");
            assertEquals(421, post.status(), post.body());
            assertEquals(
                    421,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: 127.0.0.1.attacker.example:" + port)
                            .status());
            assertEquals(
                    421,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: 10.0.0.1:" + port)
                            .status());

            assertEquals(
                    200,
                    RawHttp.exchange(port, "GET", "/observe/health", null, "Host: attacker.example")
                            .status());
            assertEquals(0, StoredEvents.count(app), "nothing stored by the refused post");
        }
    }

    @Test
    void loopback_names_and_addresses_are_answered_on_any_port_as_a_container_publishes_them() {
        try (ConnectxApp app = start(Map.of())) {
            int port = app.httpPort();
            for (String host : List.of(
                    "localhost:" + port,
                    "LOCALHOST:" + port,
                    "127.0.0.1:" + port,
                    "127.1.2.3:" + port,
                    "[::1]:" + port,
                    "localhost",
                    "localhost:9090")) {
                assertEquals(
                        200,
                        RawHttp.exchange(port, "GET", "/api/status", null, "Host: " + host)
                                .status(),
                        host);
            }
        }
    }

    @Test
    void a_host_listed_in_connectx_allowed_hosts_is_answered() {
        try (ConnectxApp app = start(Map.of("CONNECTX_ALLOWED_HOSTS", "connectx.example.com, ops.example.com:8443"))) {
            int port = app.httpPort();
            assertEquals(
                    200,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: connectx.example.com")
                            .status());
            assertEquals(
                    200,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: Connectx.Example.Com:443")
                            .status());
            assertEquals(
                    200,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: ops.example.com:8443")
                            .status());
            assertEquals(
                    421,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: ops.example.com:9999")
                            .status());
            assertEquals(
                    421,
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: example.com")
                            .status());
        }
    }

    @Test
    void with_a_token_set_every_guarded_path_needs_it_as_bearer_or_basic_password_and_health_does_not()
            throws Exception {
        try (ConnectxApp app = start(Map.of("CONNECTX_API_TOKEN", TOKEN))) {
            int port = app.httpPort();
            for (String path : List.of("/", "/api/status", "/api/events")) {
                Response anonymous = RawHttp.exchange(port, "GET", path, null);
                assertEquals(401, anonymous.status(), path);
                assertEquals(
                        "Basic realm=\"connectx\", charset=\"UTF-8\"",
                        anonymous.header("WWW-Authenticate").orElseThrow());
                assertEquals(
                        401,
                        RawHttp.exchange(port, "GET", path, null, "Authorization: Bearer " + TOKEN + "x")
                                .status());
                assertEquals(
                        401,
                        RawHttp.exchange(port, "GET", path, null, "Authorization: Bearer " + TOKEN.substring(1))
                                .status());
                assertEquals(
                        401,
                        RawHttp.exchange(port, "GET", path, null, "Authorization: " + TOKEN)
                                .status(),
                        "no scheme");
                assertEquals(
                        200,
                        RawHttp.exchange(port, "GET", path, null, "Authorization: Bearer " + TOKEN)
                                .status(),
                        path);
                assertEquals(
                        200,
                        RawHttp.exchange(port, "GET", path, null, "Authorization: " + basic("anyone", TOKEN))
                                .status(),
                        path);
                assertEquals(
                        401,
                        RawHttp.exchange(port, "GET", path, null, "Authorization: " + basic(TOKEN, "wrong"))
                                .status(),
                        path);
            }
            Response post = RawHttp.exchange(
                    port, "POST", "/local/purchase-requests", sample(), "Content-Type: application/json");
            assertEquals(401, post.status(), "local delivery needs the token too");
            assertEquals(0, StoredEvents.count(app));
            Response posted = RawHttp.exchange(
                    port,
                    "POST",
                    "/local/purchase-requests",
                    sample(),
                    "Content-Type: application/json",
                    "Authorization: Bearer " + TOKEN);
            assertEquals(200, posted.status(), posted.body());
            assertEquals(
                    200, RawHttp.exchange(port, "GET", "/observe/health", null).status());
            assertEquals(
                    200, RawHttp.exchange(port, "GET", "/observe/metrics", null).status());
        }
    }

    @Test
    void every_answer_carries_the_security_headers_and_the_page_allows_only_its_own_hashed_script() {
        try (ConnectxApp app = start(Map.of())) {
            int port = app.httpPort();
            for (Response answer : List.of(
                    RawHttp.exchange(port, "GET", "/", null),
                    RawHttp.exchange(port, "GET", "/api/status", null),
                    RawHttp.exchange(port, "GET", "/api/events?limit=none", null),
                    RawHttp.exchange(port, "GET", "/nothing-here", null),
                    RawHttp.exchange(port, "GET", "/api/status", null, "Host: attacker.example"),
                    RawHttp.exchange(port, "POST", "/local/purchase-requests", "{}", "Content-Type: text/plain"))) {
                assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(null), answer.toString());
                assertEquals("no-referrer", answer.header("Referrer-Policy").orElse(null), answer.toString());
                assertEquals("DENY", answer.header("X-Frame-Options").orElse(null), answer.toString());
                String policy = answer.header("Content-Security-Policy")
                        .orElseThrow(() -> new AssertionError(answer.toString()));
                assertTrue(policy.contains("frame-ancestors 'none'"), policy);
                assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
            }
            String pagePolicy = RawHttp.exchange(port, "GET", "/", null)
                    .header("Content-Security-Policy")
                    .orElseThrow();
            assertTrue(pagePolicy.matches(".*script-src 'sha256-[A-Za-z0-9+/=]{44}'.*"), pagePolicy);
            assertTrue(pagePolicy.contains("connect-src 'self'"), pagePolicy);
            assertTrue(RawHttp.exchange(port, "GET", "/api/status", null)
                    .header("Content-Security-Policy")
                    .orElseThrow()
                    .startsWith("default-src 'none'"));
        }
    }

    @Test
    void listening_beyond_loopback_without_a_token_refuses_to_start_naming_the_variable() {
        StartupException e = assertThrows(StartupException.class, () -> start(Map.of("CONNECTX_HTTP_HOST", "0.0.0.0")));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "invalid configuration: CONNECTX_API_TOKEN: is required when CONNECTX_HTTP_HOST (0.0.0.0)"),
                e.getMessage());
        assertTrue(assertThrows(
                        StartupException.class,
                        () -> start(Map.of("CONNECTX_HTTP_HOST", "0.0.0.0", "CONNECTX_API_TOKEN", "short")))
                .getMessage()
                .contains("CONNECTX_API_TOKEN: is 5 characters long"));
        try (ConnectxApp app = start(Map.of("CONNECTX_HTTP_HOST", "0.0.0.0", "CONNECTX_API_TOKEN", TOKEN))) {
            assertEquals(
                    401,
                    RawHttp.exchange(app.httpPort(), "GET", "/api/status", null).status());
        }
    }

    @Test
    void a_client_that_sends_its_headers_a_byte_at_a_time_is_cut_off_at_the_deadline() throws Exception {
        try (ConnectxApp app = start(Map.of());
                java.net.Socket slow = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), app.httpPort())) {
            slow.setSoTimeout(1000);
            var out = slow.getOutputStream();
            out.write(("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + app.httpPort() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cut = false;
            for (int i = 0; i < 40 && !cut; i++) {
                try {
                    out.write('X');
                    out.flush();
                    cut = slow.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // the server still waits for the rest of the headers
                } catch (java.io.IOException reset) {
                    cut = true;
                }
            }
            long seconds =
                    java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertTrue(cut, "the connection was closed");
            assertTrue(seconds >= 9 && seconds <= 20, "closed after " + seconds + " s, the deadline is 10 s");
            assertEquals(
                    200,
                    RawHttp.exchange(app.httpPort(), "GET", "/api/status", null).status(),
                    "others are served meanwhile");
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sample() throws java.io.IOException {
        return RepositoryFiles.samplePurchaseRequest();
    }
}
