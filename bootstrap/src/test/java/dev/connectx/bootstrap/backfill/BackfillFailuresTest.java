package dev.connectx.bootstrap.backfill;

import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.KEY;
import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.SINCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.bootstrap.CapturedLog;
import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RequestHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Connect's failures do to a backfill (docs/backfill.md, "Errors"): 5xx and 429 are asked again after a pause of
 * at least {@code Retry-After}; a refused key is asked again too, with an ERROR naming {@code API_KEY} but never its
 * value; any other 4xx fails the job with Connect's text and the next start goes on from the checkpoint. Live tasks
 * are answered throughout.
 */
class BackfillFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private ConnectxApp start(ConnectSimulator connect) {
        return ConnectxApp.start(TestConfig.config(BackfillEndToEndTest.settings(dataDir, connect, "driver")));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 503})
    void throttled_and_unavailable_pages_are_asked_again_after_retry_after_until_the_backfill_is_done(int status) {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                CapturedLog log = CapturedLog.from(Level.INFO)) {
            connect.putRequests(RequestHistory.mixed(300, SINCE.plusSeconds(1)));
            connect.lists().failNext(2, status, "1");
            long started = System.nanoTime();
            try (ConnectxApp app = start(connect)) {
                JsonNode retrying = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("retrying"), WAIT);
                assertEquals("HTTP " + status, retrying.path("error").asText(), retrying.toString());
                JsonNode done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(300, done.path("recorded").asLong(), done.toString());
                assertFalse(done.has("error"), "a failure that is over is not reported: " + done);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "two pauses of Retry-After: 1 s each, took " + took);
            assertTrue(log.text().contains("answered HTTP " + status + "; asking again in"), log.text());
        }
    }

    @Test
    void a_refused_key_is_logged_as_an_error_naming_api_key_and_never_quoting_it_and_is_asked_again() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                CapturedLog log = CapturedLog.from(Level.INFO)) {
            connect.putRequests(RequestHistory.mixed(120, SINCE.plusSeconds(1)));
            connect.lists().failNext(1, 401, null);
            try (ConnectxApp app = start(connect)) {
                JsonNode done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(120, done.path("recorded").asLong(), done.toString());
            }
            String text = log.text();
            assertTrue(
                    text.contains("SEVERE dev.connectx.adapters.connect.access.ApiKeyStatus: Connect refused API_KEY"
                            + " (HTTP 401 at GET /public/v1/requests): API_KEY must be a Connect token of the form"
                            + " 'ApiKey SU-…:…'"),
                    text);
            assertTrue(text.contains("Connect accepts API_KEY again"), "the next page was accepted: " + text);
            assertFalse(text.contains("SU-777-888-999"), "the key is never logged");
        }
    }

    @Test
    void a_list_connect_refuses_fails_the_backfill_with_connect_text_live_tasks_go_on_and_a_restart_resumes() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                CapturedLog log = CapturedLog.from(Level.INFO)) {
            connect.putRequests(RequestHistory.mixed(150, SINCE.plusSeconds(1)));
            connect.lists().failNext(1, 400, null);
            try (ConnectxApp app = start(connect)) {
                JsonNode failed = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("failed"), WAIT);
                assertEquals("HTTP 400", failed.path("error").asText(), failed.toString());
                connect.awaitHandshakes(1, WAIT);
                TaskResult live = connect.awaitResult(connect.deliver(RequestHistory.requestId(0)), WAIT);
                assertEquals("success", live.result(), live.message());
            }
            assertTrue(log.text().contains("The simulator answers 400."), "Connect's own text: " + log.text());
            try (ConnectxApp again = start(connect)) {
                JsonNode done = BackfillProbe.await(again.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(150, done.path("done").asLong(), done.toString());
                assertEquals(149, done.path("recorded").asLong(), "one was stored by the live task first: " + done);
            }
        }
    }

    @Test
    void a_refused_connection_is_retried_and_named_by_its_exception() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            int closed = LoopbackPorts.free(); // nothing listens there: the lists' connections are refused
            Map<String, String> settings = TestConfig.with(
                    BackfillEndToEndTest.settings(dataDir, connect, "driver"),
                    "API_ADDRESS",
                    "http://127.0.0.1:" + closed);
            try (ConnectxApp app = ConnectxApp.start(TestConfig.config(settings))) {
                JsonNode retrying = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("retrying"), WAIT);
                assertEquals("ConnectException", retrying.path("error").asText(), retrying.toString());
                assertEquals(0, retrying.path("done").asLong());
            }
        }
    }

    @Test
    void a_malformed_object_is_logged_with_its_id_and_counted_and_the_others_are_kept() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                CapturedLog log = CapturedLog.from(Level.INFO)) {
            connect.putRequests(RequestHistory.mixed(60, SINCE.plusSeconds(1)));
            connect.putRequest("{\"id\":\"PR-9999-0000-0000-001\",\"type\":\"purchase\",\"status\":\"approved\","
                    + "\"updated\":\"2025-06-01T00:00:00Z\"}");
            try (ConnectxApp app = start(connect)) {
                JsonNode done = BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                assertEquals(61, done.path("done").asLong(), done.toString());
                assertEquals(61, done.path("total").asLong(), done.toString());
                assertEquals(60, done.path("recorded").asLong(), done.toString());
                assertEquals(1, done.path("malformed").asLong(), done.toString());
                Map<String, Integer> kept = BackfillProbe.documentsByRequest(
                        app.embeddedMongo().orElseThrow().connectionString(), "connectx", "driver_data");
                assertEquals(60, kept.size());
            }
            assertTrue(
                    log.text()
                            .contains(
                                    "Backfill passed over the listed object 'PR-9999-0000-0000-001': asset.id: is required"),
                    log.text());
        }
    }
}
