package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import dev.connectx.simulator.Handshake;
import dev.connectx.simulator.TaskResult;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The runtime's handshake and its tasks, against a real Connect peer (the simulator) on loopback. */
class ConnectRuntimeTest extends ConnectRuntimeFixture {

    @Test
    void handshakes_as_the_python_runner_does() throws Exception {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        Handshake handshake = connect.handshakes().getFirst();
        assertEquals("ENV-1234-5678-01", handshake.environmentId());
        assertEquals("test-instance", handshake.instanceId());
        assertEquals(
                Map.of("running_tasks", "0", "running_scheduled_tasks", "0", "runner_type", "background"),
                handshake.query());
        assertEquals(KEY, handshake.authorization());
        JsonNode setup = JSON.readTree(handshake.setupRequest());
        assertEquals(2, setup.get("version").intValue());
        assertEquals("setup_request", setup.get("message_type").textValue());
        assertEquals(
                JSON.readTree(
                        "{\"asset_purchase_request_processing\":"
                                + "[\"pending\",\"approved\",\"failed\",\"inquiring\",\"scheduled\",\"revoking\",\"revoked\"]}"),
                setup.get("data").get("event_subscriptions"));
        assertEquals(
                JSON.readTree("[{\"name\":\"DB\",\"initial_value\":\"connectx\",\"secure\":false},"
                        + "{\"name\":\"DB_PASSWORD\",\"initial_value\":\"\",\"secure\":true}]"),
                setup.get("data").get("variables"));
        assertTrue(runtime.isConnected());
    }

    @Test
    void stores_all_seven_statuses_and_answers_success_echoing_the_task() throws Exception {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());
        for (RequestStatus status : EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses()) {
            String id = "PR-2000-0000-000" + status.ordinal();
            connect.putRequest(request(id, status.wireName()));
            TaskResult result = connect.awaitResult(connect.deliver(id), WAIT);

            assertEquals("success", result.result(), status + ": " + result.message());
            assertNull(result.message());
            JsonNode frame = JSON.readTree(result.frame());
            assertEquals(id, frame.get("data").get("input").get("object_id").textValue());
            assertEquals(
                    "corr-" + result.taskId(),
                    frame.get("data").get("options").get("correlation_id").textValue());
            assertTrue(frame.get("data").get("output").get("runtime").isDouble());
        }
        assertEquals(7, memory.events().size());
        assertTrue(memory.events().stream().allMatch(event -> event.taskId().isPresent()));
        assertTrue(
                connect.restCalls().stream()
                        .anyMatch(
                                call -> call.startsWith(
                                        "/public/v1/requests?and(eq(id,PR-2000-0000-0000),"
                                                + "in(status,(pending,approved,failed,inquiring,scheduled,revoking,revoked)))&limit=0&offset=0")),
                connect.restCalls().toString());
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
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());
        memory.makeUnavailable(true);
        connect.putRequest(request("PR-3000-0000-0002", "pending"));

        TaskResult result = connect.awaitResult(connect.deliver("PR-3000-0000-0002"), WAIT);

        assertEquals("retry", result.result());
        assertTrue(result.message().startsWith("store unavailable"), result.message());
    }

    @Test
    void an_object_connect_cannot_serve_is_answered_retry() {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        TaskResult result = connect.awaitResult(connect.deliver("PR-4040-0000-0001"), WAIT);

        assertEquals("skip", result.result(), "an unknown object counts 0 in the status query, as on Connect");
    }

    @Test
    void malformed_frames_are_logged_and_the_connection_lives_on() {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        connect.sendRaw("this is not JSON");
        connect.sendRaw("{\"version\":2,\"message_type\":\"task\",\"data\":\"wrong type\"}");
        connect.sendRaw("{\"version\":2,\"message_type\":\"task\"}");
        connect.sendRaw("{\"version\":2,\"message_type\":\"web_task\",\"data\":{}}");
        connect.sendRaw("{\"version\":2,\"message_type\":\"task\",\"data\":{\"blob\":\"" + "x".repeat(3 * 1024 * 1024)
                + "\"}}");
        connect.putRequest(request("PR-7000-0000-0001", "pending"));

        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-7000-0000-0001"), WAIT).result());
        assertEquals(1, connect.handshakes().size(), "the same connection served the good task");
    }

    @Test
    void a_new_setup_response_hands_the_variables_over_and_they_log_without_secure_values() {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        connect.pushVariables(Map.of("DB", "orders", "DRIVER_COLLECTION", "events", "DB_PASSWORD", "s3cret-value"));

        awaitTrue(() -> variables.get() != null);
        assertEquals(
                Map.of("DB", "orders", "DRIVER_COLLECTION", "events", "DB_PASSWORD", "s3cret-value"),
                variables.get().values());
        assertTrue(variables.get().isSecure("DB_PASSWORD"));
        assertTrue(
                variables.get().toString().contains("DB_PASSWORD=****"),
                variables.get().toString());
        assertTrue(
                variables.get().toString().contains("DB=orders"),
                variables.get().toString());
        assertFalse(
                variables.get().toString().contains("s3cret-value"),
                variables.get().toString());
    }

    @Test
    void a_multi_account_task_fetches_with_the_installations_key() {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());
        connect.putRequest(request("PR-8000-0000-0001", "pending"));

        TaskResult result = connect.awaitResult(
                connect.deliverForInstallation("PR-8000-0000-0001", "ApiKey SU-INST:installation"), WAIT);

        assertEquals("success", result.result());
        assertEquals(
                List.of("ApiKey SU-INST:installation", "ApiKey SU-INST:installation"), connect.restAuthorizations());
        assertTrue(
                result.frame().contains("\"api_key\":\"ApiKey SU-INST:installation\""),
                "the task is echoed whole, as the Python runner does");
    }

    @Test
    void a_task_over_the_time_limit_is_answered_retry() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.switchTo(new BlockingStore(memory, entered, release));
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses(), FAST, Duration.ofSeconds(1), true);
        connect.putRequest(request("PR-8100-0000-0001", "pending"));
        try {
            TaskResult result = connect.awaitResult(connect.deliver("PR-8100-0000-0001"), WAIT);

            assertEquals("retry", result.result());
            assertEquals("the task did not finish within 1 s (BACKGROUND_TASK_MAX_EXECUTION_TIME)", result.message());
        } finally {
            release.countDown();
        }
    }
}
