package dev.connectx.adapters.connect.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.protocol.InboundMessage.SetupResponse;
import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.adapters.connect.protocol.MessageCodec.DeclaredVariable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageCodec codec = new MessageCodec();

    static final String TASK = """
            {"version": 2, "message_type": "task", "data": {
              "options": {"task_id": "TQ-8071-2231-9974", "task_category": "background", "correlation_id": "4f6e", "reply_to": "tasks-reply",
                          "api_key": null, "installation_id": null, "connect_correlation_id": "00-5b8c-01", "future_field": 7},
              "input": {"event_type": "asset_purchase_request_processing", "object_id": "PR-5571-0393-2216-001", "data": null},
              "output": null, "model_type": "task"}}""";

    @Test
    void reads_a_background_task() {
        Task task = assertInstanceOf(Task.class, codec.decode(TASK));

        assertEquals("TQ-8071-2231-9974", task.options().taskId());
        assertEquals("background", task.options().category());
        assertEquals(Optional.empty(), task.options().apiKey());
        assertEquals("asset_purchase_request_processing", task.eventType());
        assertEquals("PR-5571-0393-2216-001", task.objectId());
    }

    @Test
    void a_result_echoes_the_whole_task_with_output_filled_in() throws Exception {
        Task task = (Task) codec.decode(TASK);

        JsonNode result = JSON.readTree(codec.taskResult(task, new TaskOutput(Verdict.SUCCESS, null, 0.412)));

        assertEquals(2, result.get("version").intValue());
        assertEquals("task", result.get("message_type").textValue());
        JsonNode data = result.get("data");
        assertEquals(
                JSON.readTree(TASK).get("data").get("options"),
                data.get("options"),
                "options echoed, unknown fields too");
        assertEquals(JSON.readTree(TASK).get("data").get("input"), data.get("input"));
        assertEquals(
                JSON.readTree(
                        "{\"result\":\"success\",\"data\":null,\"countdown\":0,\"runtime\":0.412,\"message\":null}"),
                data.get("output"));
        assertEquals("task", data.get("model_type").textValue());
        assertTrue(((Task) codec.decode(TASK)).data().get("output").isNull(), "the received task is not modified");
    }

    @Test
    void reads_a_setup_response_with_variables_and_definitions() {
        SetupResponse setup = assertInstanceOf(SetupResponse.class, codec.decode("""
                {"version": 2, "message_type": "setup_response", "data": {
                  "variables": [{"name": "DB", "value": "connect", "secure": false}, {"name": "API_KEY", "value": "k3y", "secure": true}],
                  "environment_type": "development",
                  "logging": {"logging_api_key": null, "log_level": "INFO", "runner_log_level": "INFO",
                              "meta": {"service_id": "SRVC-1234-5678", "account_id": "PA-1"}},
                  "event_definitions": [{"event_type": "asset_purchase_request_processing", "api_resource_endpoint": "requests/{pk}",
                                         "api_collection_endpoint": "requests", "api_collection_filter": "and(eq(id,${_object_id_}),in(status,${_statuses_}))"}],
                  "model_type": "setup_response"}}"""));

        assertEquals(2, setup.variables().size());
        assertEquals("k3y", setup.variables().get(1).value());
        assertFalse(setup.variables().toString().contains("k3y"), "secure values are not printed");
        assertEquals(Optional.of("development"), setup.environmentType());
        assertEquals(Optional.of("SRVC-1234-5678"), setup.serviceId());
        assertEquals("requests/{pk}", setup.eventDefinitions().getFirst().resourceEndpoint());
    }

    @Test
    void reads_shutdown_with_or_without_data() {
        assertInstanceOf(InboundMessage.Shutdown.class, codec.decode("{\"version\":2,\"message_type\":\"shutdown\"}"));
        assertInstanceOf(
                InboundMessage.Shutdown.class,
                codec.decode("{\"version\":2,\"message_type\":\"shutdown\",\"data\":null}"));
    }

    @Test
    void an_unknown_message_type_is_unsupported_not_malformed() {
        assertEquals(
                new InboundMessage.Unsupported("web_task"),
                codec.decode("{\"version\":2,\"message_type\":\"web_task\",\"data\":{}}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON           | hello                                                                 | not JSON
            an array           | [1]                                                                   | not a JSON object
            version 1          | {"message_type":"task","data":{}}                                     | not a version 2 frame (version missing)
            no type            | {"version":2,"data":{}}                                               | message_type must be a non-empty string
            task without data  | {"version":2,"message_type":"task"}                                   | data must be an object, not missing
            data of wrong type | {"version":2,"message_type":"task","data":"x"}                        | data must be an object, not string
            task without input | {"version":2,"message_type":"task","data":{"options":{"task_id":"TQ-1","task_category":"background"}}} | data.input must be an object, not missing
            task id a number   | {"version":2,"message_type":"task","data":{"options":{"task_id":1,"task_category":"background"},"input":{}}} | task_id must be a non-empty string
            """)
    void says_what_is_wrong_with_a_malformed_frame(String name, String frame, String messageStart) {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> codec.decode(frame));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void writes_a_setup_request_with_every_field_the_python_runner_sends() throws Exception {
        JsonNode frame = JSON.readTree(codec.setupRequest(
                Map.of("asset_purchase_request_processing", List.of("pending", "approved")),
                List.of(new DeclaredVariable("DB", "connectx", false), new DeclaredVariable("DB_PASSWORD", "", true)),
                List.of("vendor", "distributor"),
                "connectx-0.1.0"));

        assertEquals("setup_request", frame.get("message_type").textValue());
        JsonNode data = frame.get("data");
        List<String> fields = List.of(
                "event_subscriptions",
                "ui_modules",
                "icon",
                "variables",
                "schedulables",
                "anvil_callables",
                "transformations",
                "audience",
                "repository",
                "runner_version",
                "proxied_connect_api",
                "model_type");
        assertEquals(fields, iterable(data.fieldNames()));
        assertEquals(
                JSON.readTree("{\"asset_purchase_request_processing\":[\"pending\",\"approved\"]}"),
                data.get("event_subscriptions"));
        assertEquals(
                JSON.readTree("[{\"name\":\"DB\",\"initial_value\":\"connectx\",\"secure\":false},"
                        + "{\"name\":\"DB_PASSWORD\",\"initial_value\":\"\",\"secure\":true}]"),
                data.get("variables"));
        assertTrue(data.get("ui_modules").isNull());
        assertEquals("setup_request", data.get("model_type").textValue());
    }

    @Test
    void writes_shutdown() {
        assertEquals("{\"version\":2,\"message_type\":\"shutdown\",\"data\":null}", codec.shutdown());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
