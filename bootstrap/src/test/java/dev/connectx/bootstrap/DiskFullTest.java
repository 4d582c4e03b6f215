package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB's disk fills up under a running connectx (a real tmpfs): events are answered retry, health
 * turns DOWN naming the cause, and once there is room again the store reopens by itself, health is UP, events are
 * stored, and every event answered success is there.
 */
class DiskFullTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void a_full_disk_means_retry_and_down_then_the_store_reopens_by_itself_and_nothing_answered_success_is_lost()
            throws Exception {
        Optional<SmallDisk> mounted = SmallDisk.mount(work, 16);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        String sample = RepositoryFiles.samplePurchaseRequest();
        try (SmallDisk disk = mounted.get();
                ConnectxApp app = ConnectxApp.start(Config.just(ConfigSources.create(Map.of(
                        "CONNECTX_HTTP_PORT",
                        "0",
                        "CONNECTX_MONGO_EMBEDDED_PORT",
                        "0",
                        "CONNECTX_DATA_DIR",
                        disk.path().toString(),
                        "CONNECTX_STORE_TIMEOUT",
                        "3000"))))) {
            List<String> stored = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                assertEquals("success", post(app, sample, i, stored));
            }

            disk.fill();
            String duringFull = post(app, sample, 100, stored);
            assertEquals("retry", duringFull, "an event that cannot be written is answered retry");
            String health = health(app);
            assertTrue(health.startsWith("{\"status\":\"DOWN\"") && health.contains("No space left on device"), health);
            assertEquals("retry", post(app, sample, 101, stored));

            disk.free();
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            String answer = "retry";
            for (int i = 200; !answer.equals("success") && System.nanoTime() < deadline; i++) {
                Thread.sleep(250);
                answer = post(app, sample, i, stored);
            }
            assertEquals("success", answer, "the store reopened by itself within " + RECOVERY);
            assertTrue(health(app).startsWith("{\"status\":\"UP\""), health(app));
            for (int i = 300; i < 305; i++) {
                assertEquals("success", post(app, sample, i, stored));
            }

            for (String key : stored) {
                assertEquals(
                        200,
                        RawHttp.exchange(app.httpPort(), "GET", "/api/requests/" + key + "/events", null)
                                .status(),
                        key + " was answered success and is kept");
            }
            assertEquals(stored.size(), StoredEvents.count(app), "exactly the events answered success");
        }
    }

    /** Posts the sample as request {@code n}; its result, and its id in {@code stored} when it was success. */
    private static String post(ConnectxApp app, String sample, int n, List<String> stored) {
        String id = "PR-6000-0000-%04d-001".formatted(n);
        RawHttp.Response response = RawHttp.exchange(
                app.httpPort(),
                "POST",
                "/local/purchase-requests",
                sample.replace("PR-5571-0393-2216-001", id),
                "Content-Type: application/json");
        assertEquals(200, response.status(), response.body());
        String result = response.body().replaceAll(".*\"result\":\"([a-z]+)\".*", "$1");
        if (result.equals("success")) {
            stored.add(id);
        }
        return result;
    }

    private static String health(ConnectxApp app) {
        return RawHttp.exchange(app.httpPort(), "GET", "/observe/health", null).body();
    }
}
