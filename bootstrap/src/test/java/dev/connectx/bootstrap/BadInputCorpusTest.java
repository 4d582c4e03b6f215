package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * A corpus of bad input sent through the whole app over the Connect protocol: malformed purchase requests (each
 * must be answered {@code fail} or {@code skip} with a message naming the problem, nothing stored) and malformed
 * frames (each rejected in the log, naming the problem). After each, the app is alive and the next good event is
 * stored.
 */
class BadInputCorpusTest {

    private static final String KEY = "ApiKey SU-700-700-700:corpus-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger GOOD = new AtomicInteger();

    @TempDir
    static Path dataDir;

    private static ConnectSimulator connect;
    private static ConnectxApp app;
    private static CapturedLog log;

    @BeforeAll
    static void start() {
        log = CapturedLog.from(Level.INFO);
        connect = ConnectSimulator.start(KEY, 0);
        app = ConnectxApp.start(TestConfig.config(TestConfig.connected(dataDir, connect, KEY, "ENV-7000-7000-01")));
        connect.awaitHandshakes(1, WAIT);
    }

    @AfterAll
    static void stop() {
        app.close();
        connect.close();
        log.close();
    }

    static Stream<Arguments> badRequests() {
        String good = request("PR-7000-0000-0000-001");
        String nested = good.replace("\"note\":\"\"", "\"note\":" + "[".repeat(120) + "]".repeat(120));
        String huge = good.replace("\"note\":\"\"", "\"note\":\"" + "x".repeat(17 * 1024 * 1024) + "\"");
        return Stream.of(
                Arguments.of("not JSON", "this is not json", "fail", "not valid JSON"),
                Arguments.of("empty body", "", "fail", "empty"),
                Arguments.of("a JSON array", "[1,2,3]", "fail", "must be a JSON object"),
                Arguments.of("two JSON values", good + good, "fail", "more than one JSON value"),
                Arguments.of("truncated", good.substring(0, good.length() / 2), "fail", "not valid JSON"),
                Arguments.of(
                        "status of the wrong type",
                        good.replace("\"status\":\"pending\"", "\"status\":5"),
                        "fail",
                        "status: must be a string"),
                Arguments.of(
                        "unknown status",
                        good.replace("\"status\":\"pending\"", "\"status\":\"exploded\""),
                        "fail",
                        "status"),
                Arguments.of(
                        "missing id", good.replace("\"id\":\"PR-7000-0000-0000-001\",", ""), "fail", "id: is required"),
                Arguments.of(
                        "asset of the wrong type",
                        good.replace("\"asset\":{", "\"asset\":7,\"x\":{"),
                        "fail",
                        "asset.id"),
                Arguments.of(
                        "missing product",
                        good.replace("\"product\":{\"id\":\"PRD-000-000-001\",", "\"product\":{"),
                        "fail",
                        "asset.product.id: is required"),
                Arguments.of(
                        "id with odd characters",
                        good.replace("PR-7000-0000-0000-001", "PR-7000'; db.dropDatabase(); //"),
                        "fail",
                        "id"),
                Arguments.of(
                        "updated not a date",
                        good.replace("\"updated\":\"2026-11-27T10:00:00+00:00\"", "\"updated\":\"yesterday\""),
                        "fail",
                        "updated"),
                Arguments.of(
                        "updated in year +999999999",
                        good.replace(
                                "\"updated\":\"2026-11-27T10:00:00+00:00\"",
                                "\"updated\":\"+999999999-12-31T23:59:59+00:00\""),
                        "fail",
                        "updated: '+999999999-12-31T23:59:59Z' is outside the years 1 to 9999"),
                Arguments.of(
                        "key with NUL",
                        good.replace("\"note\":\"\"", "\"no\\u0000te\":\"\""),
                        "fail",
                        "a key with a NUL character ('no\\u0000te')"),
                Arguments.of(
                        "an integer of 40 digits",
                        good.replace("\"note\":\"\"", "\"note\":" + "9".repeat(40)),
                        "fail",
                        "more than MongoDB's Decimal128 keeps exactly"),
                Arguments.of("120 levels of nesting", nested, "fail", "nested deeper than MongoDB's limit"),
                Arguments.of("over MongoDB's 16 MiB", huge, "fail", "16 MiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void a_bad_request_is_answered_with_a_reason_and_nothing_is_stored(
            String what, String body, String expected, String named) {
        String requestId = "PR-7000-0000-%04d-001".formatted(1000 + GOOD.incrementAndGet());
        connect.putRawRequest(requestId, body);
        long before = documents();

        TaskResult result = connect.awaitResult(connect.deliver(requestId), WAIT);

        assertEquals(expected, result.result(), what + ": " + result.message());
        assertTrue(
                result.message() != null && result.message().contains(named),
                what + ": the message names the problem: " + result.message());
        assertEquals(before, documents(), what + ": nothing stored");
        assertTheNextGoodEventIsStored();
    }

    static Stream<Arguments> storableOddities() {
        String good = request("PR-7000-0000-0000-001");
        return Stream.of(
                Arguments.of(
                        "keys with dots and dollars",
                        good.replace("\"note\":\"\"", "\"a.b\":1,\"$where\":\"x\",\"$oid\":2")),
                Arguments.of(
                        "unicode everywhere", good.replace("\"note\":\"\"", "\"nöte\":\"\\uD83D\\uDE00 \\u0000 ✓\"")),
                Arguments.of(
                        "99 levels of nesting",
                        good.replace("\"note\":\"\"", "\"note\":" + "[".repeat(97) + "]".repeat(97))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storableOddities")
    void odd_but_valid_requests_are_stored_as_they_are(String what, String body) {
        String requestId = "PR-7000-0000-%04d-001".formatted(1000 + GOOD.incrementAndGet());
        connect.putRawRequest(requestId, body.replace("PR-7000-0000-0000-001", requestId));

        TaskResult result = connect.awaitResult(connect.deliver(requestId), WAIT);

        assertEquals("success", result.result(), what + ": " + result.message());
        try (MongoClient client =
                MongoClients.create(app.embeddedMongo().orElseThrow().connectionString())) {
            Document stored = Mono.from(client.getDatabase("connectx")
                            .getCollection("driver_data")
                            .find(new Document("request_id", requestId))
                            .first())
                    .block(WAIT);
            assertTrue(stored != null, what + ": stored");
        }
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not JSON", "this is not json", "not JSON"),
                Arguments.of("an empty frame", "", "not JSON"),
                Arguments.of("a JSON array", "[]", "not a JSON object"),
                Arguments.of(
                        "version 1", "{\"version\":1,\"message_type\":\"task\",\"data\":{}}", "not a version 2 frame"),
                Arguments.of("no version", "{\"message_type\":\"task\",\"data\":{}}", "not a version 2 frame"),
                Arguments.of(
                        "data of the wrong type",
                        "{\"version\":2,\"message_type\":\"task\",\"data\":\"x\"}",
                        "must be an object"),
                Arguments.of(
                        "a task without options",
                        "{\"version\":2,\"message_type\":\"task\",\"data\":{\"input\":{}}}",
                        "must be an object"),
                Arguments.of(
                        "a numeric task id",
                        "{\"version\":2,\"message_type\":\"task\",\"data\":{\"options\":{\"task_id\":5,\"task_category\":\"background\"},\"input\":{\"event_type\":\"asset_purchase_request_processing\",\"object_id\":\"PR-1\"}}}",
                        "task_id must be a non-empty string"),
                Arguments.of(
                        "an unknown message type",
                        "{\"version\":2,\"message_type\":\"web_task\",\"data\":{}}",
                        "Ignoring a web_task message"),
                Arguments.of("10000 levels of nesting", "[".repeat(10_000), "not JSON"),
                Arguments.of("NUL and control characters", "\u0000\u0001{\"version\":2}", "not JSON"),
                Arguments.of(
                        "over the 2 MiB frame limit",
                        "{\"version\":2,\"message_type\":\"task\",\"data\":{\"x\":\"" + "y".repeat(3 * 1024 * 1024)
                                + "\"}}",
                        "over the 2097152 limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void a_bad_frame_is_rejected_in_the_log_and_the_connection_lives_on(String what, String frame, String logged) {
        int handshakes = connect.handshakes().size();
        int logged0 = log.size();

        connect.sendRaw(frame);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!log.text().contains(logged) && System.nanoTime() < deadline) {
            Pause.millis(10);
        }
        assertTrue(
                log.text().contains(logged),
                what + ": logged naming the problem (" + logged + "); log has " + (log.size() - logged0)
                        + " new records");
        assertTheNextGoodEventIsStored();
        assertEquals(handshakes, connect.handshakes().size(), what + ": the same connection");
    }

    @ParameterizedTest(name = "object id {0}")
    @MethodSource("oddObjectIds")
    void a_task_for_an_object_id_that_is_no_connect_id_fails_without_calling_connect(String objectId) {
        int calls = connect.restCalls().size();

        TaskResult result = connect.awaitResult(connect.deliver(ConnectSimulator.PURCHASE_EVENT, objectId), WAIT);

        assertEquals("fail", result.result(), result.message());
        assertTrue(result.message().contains("not a Connect object id"), result.message());
        assertEquals(calls, connect.restCalls().size(), "no REST call made with it");
        assertTheNextGoodEventIsStored();
    }

    static Stream<String> oddObjectIds() {
        return Stream.of(
                "PR-1/../../admin",
                "PR-1),or(eq(id,PR-2)",
                "PR 1",
                "PR-1?limit=1000",
                "\u0000PR-1",
                "x".repeat(500),
                "PR-1\nHost: evil");
    }

    private static void assertTheNextGoodEventIsStored() {
        String requestId = "PR-7000-0001-%04d-001".formatted(GOOD.incrementAndGet());
        connect.putRequest(request(requestId));
        long before = documents();
        assertEquals(
                "success", connect.awaitResult(connect.deliver(requestId), WAIT).result(), "the next good event");
        assertEquals(before + 1, documents(), "the next good event is stored");
    }

    private static String request(String requestId) {
        return PurchaseRequestJson.of(
                requestId, "pending", "2026-11-27T10:00:00+00:00", "AS-7000-0000-0001", "PRD-000-000-001");
    }

    private static long documents() {
        try (MongoClient client =
                MongoClients.create(app.embeddedMongo().orElseThrow().connectionString())) {
            return Mono.from(client.getDatabase("connectx")
                            .getCollection("driver_data")
                            .countDocuments())
                    .block(WAIT);
        }
    }
}
