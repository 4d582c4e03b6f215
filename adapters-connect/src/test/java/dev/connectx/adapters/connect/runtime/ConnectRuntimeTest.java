package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.application.testing.SwitchableStore;
import dev.connectx.domain.EventKey;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.Handshake;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime against a real Connect peer (the simulator) over WebSocket and HTTP on loopback. */
class ConnectRuntimeTest {

    private static final String KEY = "ApiKey SU-000-000-000:0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Timings FAST = new Timings(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(60),
            Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemorySubscriptionEventStore memory = new InMemorySubscriptionEventStore();
    private final SwitchableStore store = new SwitchableStore(memory);
    private final AtomicReference<ConnectVariables> variables = new AtomicReference<>();
    private ConnectSimulator connect;
    private ConnectRuntime runtime;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        connect.close();
    }

    private void startRuntime(Set<RequestStatus> statuses) {
        startRuntime(statuses, FAST, Duration.ofSeconds(10), true);
    }

    private void startRuntime(Set<RequestStatus> statuses, Timings timings, Duration taskTimeout, boolean awaitConnection) {
        ConnectRuntimeSettings settings = ConnectRuntimeSettings.of(connect.serverAddress(), connect.apiAddress(), KEY,
                "ENV-1234-5678-01", "test-instance", taskTimeout).withTimings(timings);
        var recordEvent = new RecordSubscriptionEventService(store, EventSubscriptions.purchaseRequests(statuses));
        runtime = ConnectRuntime.start(settings, recordEvent, EventSubscriptions.purchaseRequests(statuses),
                List.of(new ConnectVariable("DB", "connectx", false), new ConnectVariable("DB_PASSWORD", "", true)),
                variables::set, Clock.systemUTC());
        if (awaitConnection) {
            connect.awaitHandshakes(1, WAIT);
            awaitTrue(runtime::isConnected);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.onSpinWait();
        }
    }

    private static String request(String id, String status) {
        return PurchaseRequestJson.of(id, status, "2023-01-18T10:02:13+00:00", "AS-1000-0000-0001", "PRD-100-000-001");
    }

    @Test
    void handshakes_as_the_python_runner_does() throws Exception {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        Handshake handshake = connect.handshakes().getFirst();
        assertEquals("ENV-1234-5678-01", handshake.environmentId());
        assertEquals("test-instance", handshake.instanceId());
        assertEquals(Map.of("running_tasks", "0", "running_scheduled_tasks", "0", "runner_type", "background"), handshake.query());
        assertEquals(KEY, handshake.authorization());
        JsonNode setup = JSON.readTree(handshake.setupRequest());
        assertEquals(2, setup.get("version").intValue());
        assertEquals("setup_request", setup.get("message_type").textValue());
        assertEquals(JSON.readTree("{\"asset_purchase_request_processing\":"
                + "[\"pending\",\"approved\",\"failed\",\"inquiring\",\"scheduled\",\"revoking\",\"revoked\"]}"),
                setup.get("data").get("event_subscriptions"));
        assertEquals(JSON.readTree("[{\"name\":\"DB\",\"initial_value\":\"connectx\",\"secure\":false},"
                + "{\"name\":\"DB_PASSWORD\",\"initial_value\":\"\",\"secure\":true}]"), setup.get("data").get("variables"));
        assertTrue(runtime.isConnected());
    }

    @Test
    void stores_all_seven_statuses_and_answers_success_echoing_the_task() throws Exception {
        startRuntime(EnumSet.allOf(RequestStatus.class));
        for (RequestStatus status : RequestStatus.values()) {
            String id = "PR-2000-0000-000" + status.ordinal();
            connect.putRequest(request(id, status.wireName()));
            TaskResult result = connect.awaitResult(connect.deliver(id), WAIT);

            assertEquals("success", result.result(), status + ": " + result.message());
            assertNull(result.message());
            JsonNode frame = JSON.readTree(result.frame());
            assertEquals(id, frame.get("data").get("input").get("object_id").textValue());
            assertEquals("corr-" + result.taskId(), frame.get("data").get("options").get("correlation_id").textValue());
            assertTrue(frame.get("data").get("output").get("runtime").isDouble());
        }
        assertEquals(7, memory.events().size());
        assertTrue(memory.events().stream().allMatch(event -> event.taskId().isPresent()));
        assertTrue(connect.restCalls().stream().anyMatch(call -> call.startsWith("/public/v1/requests?and(eq(id,PR-2000-0000-0000),"
                + "in(status,(pending,approved,failed,inquiring,scheduled,revoking,revoked)))&limit=0&offset=0")), connect.restCalls().toString());
    }

    @Test
    void a_request_no_longer_in_a_subscribed_status_is_skipped() {
        startRuntime(EnumSet.of(RequestStatus.PENDING, RequestStatus.APPROVED));
        connect.putRequest(request("PR-3000-0000-0001", "failed"));

        TaskResult result = connect.awaitResult(connect.deliver("PR-3000-0000-0001"), WAIT);

        assertEquals("skip", result.result());
        assertEquals("The request status does not match the supported statuses: pending,approved.", result.message());
        assertEquals(0, memory.events().size());
    }

    @Test
    void a_store_failure_is_answered_retry() {
        startRuntime(EnumSet.allOf(RequestStatus.class));
        memory.makeUnavailable(true);
        connect.putRequest(request("PR-3000-0000-0002", "pending"));

        TaskResult result = connect.awaitResult(connect.deliver("PR-3000-0000-0002"), WAIT);

        assertEquals("retry", result.result());
        assertTrue(result.message().startsWith("store unavailable"), result.message());
    }

    @Test
    void an_object_connect_cannot_serve_is_answered_retry() {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        TaskResult result = connect.awaitResult(connect.deliver("PR-4040-0000-0001"), WAIT);

        assertEquals("skip", result.result(), "an unknown object counts 0 in the status query, as on Connect");
    }

    @Test
    void an_abnormal_drop_reconnects_and_handshakes_again() {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        connect.dropConnection();
        connect.awaitHandshakes(2, WAIT);

        connect.putRequest(request("PR-5000-0000-0001", "approved"));
        assertEquals("success", connect.awaitResult(connect.deliver("PR-5000-0000-0001"), WAIT).result());
    }

    @Test
    void a_result_finished_during_a_drop_is_sent_after_the_reconnect() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.switchTo(new BlockingStore(memory, entered, release));
        startRuntime(EnumSet.allOf(RequestStatus.class));
        connect.putRequest(request("PR-6000-0000-0001", "pending"));
        String taskId = connect.deliver("PR-6000-0000-0001");
        assertTrue(entered.await(20, TimeUnit.SECONDS));

        connect.dropConnection();
        connect.awaitDisconnected(WAIT);
        awaitTrue(() -> !runtime.isConnected());
        release.countDown();

        assertEquals("success", connect.awaitResult(taskId, WAIT).result());
        assertTrue(connect.handshakes().size() >= 2, "the result came over a new connection");
    }

    @Test
    void shutdown_from_connect_stops_the_runtime() throws Exception {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        connect.sendShutdown();

        assertEquals(StopReason.SHUTDOWN_BY_CONNECT, runtime.stopped().get(20, TimeUnit.SECONDS));
        assertFalse(runtime.isConnected());
    }

    @Test
    void a_clean_close_by_connect_stops_without_reconnecting() throws Exception {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        connect.closeCleanly();

        assertEquals(StopReason.CLOSED_BY_CONNECT, runtime.stopped().get(20, TimeUnit.SECONDS));
        assertEquals(1, connect.handshakes().size());
    }

    @Test
    void malformed_frames_are_logged_and_the_connection_lives_on() {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        connect.sendRaw("this is not JSON");
        connect.sendRaw("{\"version\":2,\"message_type\":\"task\",\"data\":\"wrong type\"}");
        connect.sendRaw("{\"version\":2,\"message_type\":\"task\"}");
        connect.sendRaw("{\"version\":2,\"message_type\":\"web_task\",\"data\":{}}");
        connect.sendRaw("{\"version\":2,\"message_type\":\"task\",\"data\":{\"blob\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}");
        connect.putRequest(request("PR-7000-0000-0001", "pending"));

        assertEquals("success", connect.awaitResult(connect.deliver("PR-7000-0000-0001"), WAIT).result());
        assertEquals(1, connect.handshakes().size(), "the same connection served the good task");
    }

    @Test
    void a_new_setup_response_hands_the_variables_over_and_they_log_without_secure_values() {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        connect.pushVariables(Map.of("DB", "orders", "DRIVER_COLLECTION", "events", "DB_PASSWORD", "s3cret-value"));

        awaitTrue(() -> variables.get() != null);
        assertEquals(Map.of("DB", "orders", "DRIVER_COLLECTION", "events", "DB_PASSWORD", "s3cret-value"), variables.get().values());
        assertTrue(variables.get().isSecure("DB_PASSWORD"));
        assertTrue(variables.get().toString().contains("DB_PASSWORD=****"), variables.get().toString());
        assertTrue(variables.get().toString().contains("DB=orders"), variables.get().toString());
        assertFalse(variables.get().toString().contains("s3cret-value"), variables.get().toString());
    }

    @Test
    void closing_tells_connect_and_closes_cleanly() throws Exception {
        startRuntime(EnumSet.allOf(RequestStatus.class));

        runtime.close();

        assertEquals(StopReason.STOPPED, runtime.stopped().get(1, TimeUnit.SECONDS));
        assertTrue(connect.framesFromRunner().stream().anyMatch(frame -> frame.contains("\"message_type\":\"shutdown\"")));
        connect.awaitDisconnected(WAIT);
    }

    @Test
    void a_multi_account_task_fetches_with_the_installations_key() {
        startRuntime(EnumSet.allOf(RequestStatus.class));
        connect.putRequest(request("PR-8000-0000-0001", "pending"));

        TaskResult result = connect.awaitResult(connect.deliverForInstallation("PR-8000-0000-0001", "ApiKey SU-INST:installation"), WAIT);

        assertEquals("success", result.result());
        assertEquals(List.of("ApiKey SU-INST:installation", "ApiKey SU-INST:installation"), connect.restAuthorizations());
        assertTrue(result.frame().contains("\"api_key\":\"ApiKey SU-INST:installation\""), "the task is echoed whole, as the Python runner does");
    }

    @Test
    void a_task_over_the_time_limit_is_answered_retry() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.switchTo(new BlockingStore(memory, entered, release));
        startRuntime(EnumSet.allOf(RequestStatus.class), FAST, Duration.ofSeconds(1), true);
        connect.putRequest(request("PR-8100-0000-0001", "pending"));
        try {
            TaskResult result = connect.awaitResult(connect.deliver("PR-8100-0000-0001"), WAIT);

            assertEquals("retry", result.result());
            assertEquals("the task did not finish within 1 s (BACKGROUND_TASK_MAX_EXECUTION_TIME)", result.message());
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_peer_that_stops_answering_pings_is_left_and_reconnected_to() {
        Timings quickPings = new Timings(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5));
        startRuntime(EnumSet.allOf(RequestStatus.class), quickPings, Duration.ofSeconds(10), true);

        connect.answerPings(false);
        awaitTrue(() -> !runtime.isConnected());
        connect.answerPings(true);

        connect.awaitHandshakes(2, WAIT);
    }

    @Test
    void when_connect_stays_unreachable_past_the_budget_the_runtime_gives_up() throws Exception {
        Timings shortBudget = new Timings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(60),
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
        ConnectSimulator gone = connect;
        connect = ConnectSimulator.start(KEY, 0);
        int port = gone.port();
        gone.close();
        ConnectRuntimeSettings settings = ConnectRuntimeSettings.of("ws://127.0.0.1:" + port, "http://127.0.0.1:" + port, KEY,
                "ENV-1234-5678-01", "test-instance", Duration.ofSeconds(10)).withTimings(shortBudget);
        runtime = ConnectRuntime.start(settings, new RecordSubscriptionEventService(store, EventSubscriptions.allPurchaseRequestStatuses()),
                EventSubscriptions.allPurchaseRequestStatuses(), List.of(), variables::set, Clock.systemUTC());

        assertEquals(StopReason.GAVE_UP, runtime.stopped().get(20, TimeUnit.SECONDS));
    }

    /** Holds the first save until released, to finish a task while the connection is down. */
    private record BlockingStore(InMemorySubscriptionEventStore delegate, CountDownLatch entered, CountDownLatch release)
            implements SubscriptionEventStore {
        @Override
        public SaveResult save(SubscriptionEvent event) {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.save(event);
        }

        @Override
        public Optional<SubscriptionEvent> find(EventKey key) {
            return delegate.find(key);
        }

        @Override
        public List<dev.connectx.domain.SubscriptionEventSummary> summaries(EventQuery query) {
            return delegate.summaries(query);
        }

        @Override
        public long countUnreadable() {
            return delegate.countUnreadable();
        }

        @Override
        public long count(EventQuery query) {
            return delegate.count(query);
        }

        @Override
        public Map<RequestStatus, Long> countByStatus() {
            return delegate.countByStatus();
        }

        @Override
        public boolean isReachable() {
            return true;
        }

        @Override
        public String describe() {
            return "blocking";
        }

        @Override
        public void close() {
        }
    }
}
