package dev.connectx.bootstrap.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.RequestHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backfill of 3 000 historical requests of all nine types, listed from the simulator on loopback page by page, on
 * each storage adapter: one document each, marked {@code backfill}; a second start with the same {@code since}
 * stores nothing and lists no page; a new {@code since} lists again under a checkpoint of its own.
 */
class BackfillEndToEndTest {

    static final String KEY = "ApiKey SU-777-888-999:backfill";
    static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");
    private static final int HISTORY = 3_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    static Map<String, String> settings(Path dataDir, ConnectSimulator connect, String adapter) {
        Map<String, String> settings = TestConfig.with(
                TestConfig.connected(dataDir, connect, KEY, "ENV-7777-8888-01"),
                "CONNECTX_BACKFILL_SINCE",
                SINCE.toString());
        if (adapter.equals("http")) {
            settings = TestConfig.onOwnDataApi(settings, "backfill-data-api-key");
        }
        return settings;
    }

    static String collection(String adapter) {
        return adapter.equals("http") ? "http_data" : "driver_data";
    }

    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"driver", "http"})
    void three_thousand_requests_of_every_type_are_kept_once_each_and_a_second_start_lists_nothing(String adapter) {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            List<String> history = RequestHistory.mixed(HISTORY, SINCE.plusSeconds(60));
            connect.putRequests(history);
            Map<String, String> settings = settings(dataDir, connect, adapter);
            JsonNode done;
            long firstRunPages;
            try (ConnectxApp app = ConnectxApp.start(TestConfig.config(settings))) {
                done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                firstRunPages = connect.lists().pages();
                String mongo = app.embeddedMongo().orElseThrow().connectionString();
                List<Document> documents = BackfillProbe.documents(mongo, "connectx", collection(adapter));
                Map<String, Long> perRequest = documents.stream()
                        .collect(Collectors.groupingBy(d -> d.getString("request_id"), Collectors.counting()));
                Set<String> expected = IntStream.range(0, HISTORY)
                        .mapToObj(RequestHistory::requestId)
                        .collect(Collectors.toSet());
                assertEquals(expected, perRequest.keySet(), "every listed request is kept");
                assertTrue(perRequest.values().stream().allMatch(count -> count == 1), "one document each");
                assertTrue(documents.stream().allMatch(d -> "backfill".equals(d.getString("source"))));
                assertEquals(
                        9,
                        documents.stream()
                                .map(d -> d.getString("event_type"))
                                .distinct()
                                .count(),
                        "all nine event types");
            }
            assertEquals(HISTORY, done.path("done").asLong(), done.toString());
            assertEquals(HISTORY, done.path("total").asLong(), done.toString());
            assertEquals(HISTORY, done.path("recorded").asLong(), done.toString());
            System.out.printf("%s store: %d requests backfilled in %d list pages%n", adapter, HISTORY, firstRunPages);
            assertTrue(firstRunPages <= HISTORY / 100 + 4, "pages of 100, one overlap each: " + firstRunPages);

            try (ConnectxApp again = ConnectxApp.start(TestConfig.config(settings))) {
                JsonNode second = BackfillProbe.await(again.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(HISTORY, second.path("done").asLong(), "the final counts, from the checkpoint");
                String mongo = again.embeddedMongo().orElseThrow().connectionString();
                assertEquals(
                        HISTORY,
                        BackfillProbe.documents(mongo, "connectx", collection(adapter))
                                .size());
            }
            long secondRunPages = connect.lists().pages() - firstRunPages;
            assertTrue(secondRunPages <= 1, "a finished backfill lists at most one page, not " + secondRunPages);

            // A new since is a new backfill with a checkpoint of its own: it lists again, and finds everything kept.
            long beforeNewSince = connect.lists().pages();
            Map<String, String> newSince = TestConfig.with(
                    settings,
                    "CONNECTX_BACKFILL_SINCE",
                    SINCE.minusSeconds(3600).toString());
            try (ConnectxApp later = ConnectxApp.start(TestConfig.config(newSince))) {
                JsonNode third = BackfillProbe.await(later.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(
                        SINCE.minusSeconds(3600).toString(), third.path("since").asText());
                assertEquals(HISTORY, third.path("done").asLong(), third.toString());
                assertEquals(0, third.path("recorded").asLong(), "everything was stored before: " + third);
            }
            assertEquals(
                    firstRunPages, connect.lists().pages() - beforeNewSince, "the new since listed the whole history");
        }
    }
}
