package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect refusing {@code API_KEY} (the simulator answers the upgrade 401): health turns DOWN with the reason at
 * once, one ERROR line names the variable and its form, and the process ends with its own status within seconds.
 */
class RefusedKeyTest {

    private static final String WRONG_KEY = "ApiKey SU-111-222-333:the-wrong-secret";

    @TempDir
    Path dataDir;

    @Test
    void a_refused_key_turns_health_down_with_the_reason_and_ends_with_status_4() throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start("ApiKey SU-111-222-333:the-right-one", 0);
                CapturedLog log = CapturedLog.from(java.util.logging.Level.INFO);
                ConnectxApp app = ConnectxApp.start(
                        TestConfig.config(TestConfig.connected(dataDir, connect, WRONG_KEY, "ENV-1234-5678-01")))) {
            String health = awaitHealthDown(app);

            assertTrue(health.contains("Connect refused API_KEY (HTTP 401 at the WebSocket upgrade)"), health);
            assertEquals(4, app.exitStatus().get(60, TimeUnit.SECONDS));
            assertEquals(
                    1,
                    log.text()
                            .lines()
                            .filter(line -> line.contains("API_KEY must be a Connect token of the form"))
                            .count(),
                    log.text());
            assertFalse(log.text().contains("the-wrong-secret"));
            assertFalse(health.contains("the-wrong-secret"));
        }
    }

    private static String awaitHealthDown(ConnectxApp app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try (HttpClientResponse response = WebClient.create()
                    .get()
                    .uri(URI.create("http://127.0.0.1:" + app.httpPort() + "/observe/health"))
                    .request()) {
                last = response.as(String.class);
                if (response.status().code() == 503) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("health never went DOWN: " + last);
    }
}
