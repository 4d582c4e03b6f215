package dev.connectx.adapters.connect.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.application.testing.SeededMutator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mutated frames into the codec: each is read or rejected with {@link MalformedFrameException}, nothing else;
 * every task read can be answered, and the answer reads back as the same task.
 */
class MessageCodecFuzzTest {

    private static final List<String> CORPUS =
            List.of("""
            {"version":2,"message_type":"task","data":{"options":{"task_id":"TQ-1","task_category":"background",\
            "correlation_id":"c","reply_to":"r","api_key":null,"installation_id":null,"connect_correlation_id":null},\
            "input":{"event_type":"asset_purchase_request_processing","object_id":"PR-1234-5678-9012-001","data":null},\
            "output":null,"model_type":"task"}}""", """
            {"version":2,"message_type":"setup_response","data":{"variables":[{"name":"DB","value":"x","secure":false}],\
            "environment_type":"development","logging":{"log_level":"INFO","runner_log_level":"INFO"},\
            "event_definitions":[{"event_type":"asset_purchase_request_processing","api_resource_endpoint":"requests/{pk}",\
            "api_collection_endpoint":"requests","api_collection_filter":"and(eq(id,${_object_id_}),in(status,${_statuses_}))"}]}}""", "{\"version\":2,\"message_type\":\"shutdown\",\"data\":null}");

    private final MessageCodec codec = new MessageCodec();

    @Test
    void mutated_frames_are_read_or_rejected_with_a_reason_never_anything_else() {
        Map<String, Integer> outcomes = SeededMutator.fuzz("MessageCodec.decode", CORPUS, frame -> {
            InboundMessage message;
            try {
                message = codec.decode(frame);
            } catch (MalformedFrameException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a reason is given");
                return "rejected";
            }
            if (message instanceof Task task) {
                Task echoed = assertInstanceOf(
                        Task.class, codec.decode(codec.taskResult(task, new TaskOutput(Verdict.FAIL, "x", 0.1))));
                assertEquals(task.options().taskId(), echoed.options().taskId());
                assertEquals(task.objectId(), echoed.objectId());
                return "task answered and re-read";
            }
            return "read";
        });
        assertTrue(
                outcomes.containsKey("rejected") && outcomes.containsKey("task answered and re-read"),
                outcomes.toString());
    }
}
