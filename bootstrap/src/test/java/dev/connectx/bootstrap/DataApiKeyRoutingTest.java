package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live from Connect: a Data API endpoint that Connect's variables name never gets the environment's key, and plain
 * http to another host is refused; a capturing server on loopback records every key it is sent.
 */
class DataApiKeyRoutingTest {

    private static final String CONNECT_TOKEN = "ApiKey SU-444-555-666:routing";
    private static final String ENV_KEY = "environment-data-api-key";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void an_endpoint_from_connect_gets_connects_key_only_and_plain_http_elsewhere_is_refused() throws Exception {
        List<String> keysSeen = new CopyOnWriteArrayList<>();
        WebServer capture = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .routing(routing -> routing.any((request, response) -> {
                    request.headers().first(HeaderNames.create("api-key")).ifPresent(keysSeen::add);
                    response.status(Status.SERVICE_UNAVAILABLE_503).send("{\"error\":\"capturing\"}");
                }))
                .build()
                .start();
        try (ConnectSimulator connect = ConnectSimulator.start(CONNECT_TOKEN, 0);
                ConnectxApp app = ConnectxApp.start(TestConfig.config(TestConfig.with(
                        TestConfig.connected(dataDir, connect, CONNECT_TOKEN, "ENV-1234-5678-01"),
                        "DATA_API_KEY",
                        ENV_KEY)))) {
            connect.awaitHandshakes(1, WAIT);
            String endpoint = "http://127.0.0.1:" + capture.port() + "/app/a/endpoint/data/v1";

            connect.pushVariables(Map.of("STORAGE_ADAPTER", "http", "DATA_API_ENDPOINT", endpoint));
            connect.putRequest(RepositoryFiles.samplePurchaseRequest());
            assertEquals(
                    "success",
                    connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                            .result());
            assertStoreStaysTheDriverStore(app, "refused without Connect's key");

            connect.pushVariables(Map.of(
                    "STORAGE_ADAPTER",
                    "http",
                    "DATA_API_ENDPOINT",
                    "http://203.0.113.7/app/a/endpoint/data/v1",
                    "API_KEY",
                    "connect-data-api-key"));
            assertEquals(
                    "success",
                    connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                            .result());
            assertStoreStaysTheDriverStore(app, "plain http elsewhere refused");

            connect.pushVariables(Map.of(
                    "STORAGE_ADAPTER", "http", "DATA_API_ENDPOINT", endpoint, "API_KEY", "connect-data-api-key"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!app.storeDescription().startsWith("Data API store") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(
                    "retry",
                    connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                            .result(),
                    "the capture answers 503");
        } finally {
            capture.stop();
        }
        assertTrue(
                !keysSeen.isEmpty() && keysSeen.stream().allMatch("connect-data-api-key"::equals),
                "keys sent: " + keysSeen);
    }

    /** A refused change leaves the store as it is; a wrongly accepted one would show within the wait. */
    private static void assertStoreStaysTheDriverStore(ConnectxApp app, String why) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(app.storeDescription().startsWith("MongoDB driver store"), why + ": " + app.storeDescription());
            Thread.sleep(50);
        }
    }
}
