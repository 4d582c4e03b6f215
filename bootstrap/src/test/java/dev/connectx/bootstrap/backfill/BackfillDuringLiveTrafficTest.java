package dev.connectx.bootstrap.backfill;

import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.KEY;
import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.SINCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.RequestHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill while Connect goes on: requests updated again while it lists are kept in their latest status (the
 * watermark lists them again, where offset paging would skip some), and live tasks meanwhile are answered and kept
 * once, whichever of the two paths reaches an event first.
 */
class BackfillDuringLiveTrafficTest {

    private static final int HISTORY = 1_000;
    private static final int UPDATED = 100;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void requests_updated_during_the_backfill_are_all_kept_in_their_latest_status() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            connect.putRequests(RequestHistory.mixed(HISTORY, SINCE.plusSeconds(1)));
            connect.lists().delay(Duration.ofMillis(100));
            try (ConnectxApp app =
                    ConnectxApp.start(TestConfig.config(BackfillEndToEndTest.settings(dataDir, connect, "driver")))) {
                BackfillProbe.await(
                        app.httpPort(), status -> status.path("done").asLong() >= 300, WAIT);
                // The first 100 asset requests were listed already (asset requests are listed first, oldest first);
                // each is updated again, to a newer time and another status.
                Instant later = SINCE.plusSeconds(HISTORY + 1_000);
                List<Integer> updated = IntStream.range(0, HISTORY)
                        .filter(i -> RequestHistory.requestId(i).startsWith("PR-"))
                        .limit(UPDATED)
                        .boxed()
                        .toList();
                for (int i : updated) {
                    connect.putRequest(
                            RequestHistory.request(i, later.plusSeconds(i).toString(), 1));
                }
                JsonNode done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(HISTORY + UPDATED, done.path("recorded").asLong(), done.toString());
                List<Document> documents = BackfillProbe.documents(
                        app.embeddedMongo().orElseThrow().connectionString(), "connectx", "driver_data");
                Map<String, List<Document>> byRequest =
                        documents.stream().collect(Collectors.groupingBy(d -> d.getString("request_id")));
                assertEquals(HISTORY, byRequest.size());
                for (int i : updated) {
                    List<Document> events = byRequest.get(RequestHistory.requestId(i));
                    assertEquals(2, events.size(), "the first status and the latest: " + events);
                    Document newest = events.stream()
                            .max(java.util.Comparator.comparing(d -> d.getDate("updated")))
                            .orElseThrow();
                    assertEquals(
                            Instant.parse(later.plusSeconds(i).toString()),
                            newest.getDate("updated").toInstant());
                }
            }
        }
    }

    @Test
    void a_live_task_for_an_event_the_backfill_will_reach_is_answered_at_once_and_the_event_is_kept_once() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            connect.putRequests(RequestHistory.mixed(600, SINCE.plusSeconds(1)));
            connect.lists().delay(Duration.ofMillis(200));
            try (ConnectxApp app =
                    ConnectxApp.start(TestConfig.config(BackfillEndToEndTest.settings(dataDir, connect, "driver")))) {
                connect.awaitHandshakes(1, WAIT);
                BackfillProbe.await(app.httpPort(), BackfillProbe.inState("running"), WAIT);
                String last = RequestHistory.requestId(597); // an asset request, listed last
                long sent = System.nanoTime();
                TaskResult live = connect.awaitResult(connect.deliver(last), WAIT);
                Duration answeredIn = Duration.ofNanos(System.nanoTime() - sent);
                assertEquals("success", live.result(), live.message());
                assertTrue(
                        answeredIn.compareTo(Duration.ofSeconds(5)) < 0,
                        "a live task does not wait for the backfill: " + answeredIn);
                JsonNode done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(599, done.path("recorded").asLong(), "one was the live task's: " + done);
                List<Document> kept = BackfillProbe.documents(
                                app.embeddedMongo().orElseThrow().connectionString(), "connectx", "driver_data")
                        .stream()
                        .filter(d -> last.equals(d.getString("request_id")))
                        .toList();
                assertEquals(1, kept.size());
                assertEquals("task", kept.getFirst().getString("source"), "what a live task stored first stays");
            }
        }
    }
}
