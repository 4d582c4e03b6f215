package dev.connectx.bootstrap.backfill;

import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.KEY;
import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.SINCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RequestHistory;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.service.registry.Services;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store goes away in the middle of a backfill: the backfill pauses ({@code retrying}, "store unavailable"), goes
 * on from its checkpoint when the store is back, and keeps every request once; its metrics count what it fetched
 * and stored.
 */
class BackfillStoreOutageTest {

    private static final int HISTORY = 600;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void a_store_outage_pauses_the_backfill_which_goes_on_when_the_store_is_back() throws Exception {
        int mongoPort = LoopbackPorts.free();
        Path mongoData = work.resolve("mongo");
        EmbeddedMongoServer mongo = EmbeddedMongoServer.startPersistent("127.0.0.1", mongoPort, mongoData);
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            connect.putRequests(RequestHistory.mixed(HISTORY, SINCE.plusSeconds(1)));
            connect.lists().delay(Duration.ofMillis(100));
            Map<String, String> settings = TestConfig.with(
                    BackfillEndToEndTest.settings(work, connect, "driver"),
                    "MONGODB_URI",
                    mongo.connectionString(),
                    "CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT",
                    "500",
                    "CONNECTX_STORE_TIMEOUT",
                    "1000");
            // The meter registry is the process's: other tests in this JVM count into it too.
            long recordedBefore = recorded();
            try (ConnectxApp app = ConnectxApp.start(TestConfig.config(settings))) {
                BackfillProbe.await(
                        app.httpPort(), status -> status.path("done").asLong() >= 100, WAIT);
                mongo.close();
                JsonNode paused = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("retrying"), WAIT);
                assertEquals("store unavailable", paused.path("error").asText(), paused.toString());

                mongo = EmbeddedMongoServer.startPersistent("127.0.0.1", mongoPort, mongoData);
                JsonNode done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(HISTORY, done.path("done").asLong(), done.toString());
                Map<String, Integer> kept =
                        BackfillProbe.documentsByRequest(mongo.connectionString(), "connectx", "driver_data");
                assertEquals(HISTORY, kept.size(), "every request kept");
                assertTrue(kept.values().stream().allMatch(count -> count == 1), "once each");

                assertEquals(
                        HISTORY, recorded() - recordedBefore, "connectx_backfill_recorded_total counted each once");
                String metrics = metrics(app);
                assertTrue(metrics.contains("connectx_backfill_recorded_total{"), metrics);
                assertTrue(metrics.contains("connectx_backfill_fetched_total{"), metrics);
            }
        } finally {
            mongo.close();
        }
    }

    private static long recorded() {
        return Services.get(MeterRegistry.class).meters().stream()
                .filter(meter -> meter.id().name().equals("connectx.backfill.recorded"))
                .mapToLong(meter -> ((Counter) meter).count())
                .sum();
    }

    private static String metrics(ConnectxApp app) {
        try (HttpClientResponse response = WebClient.builder()
                .baseUri("http://127.0.0.1:" + app.httpPort())
                .build()
                .get("/observe/metrics")
                .request()) {
            return response.as(String.class);
        }
    }
}
