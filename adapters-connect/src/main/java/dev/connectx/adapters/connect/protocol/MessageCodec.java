package dev.connectx.adapters.connect.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectx.adapters.connect.protocol.InboundMessage.EventDefinition;
import dev.connectx.adapters.connect.protocol.InboundMessage.SetupResponse;
import dev.connectx.adapters.connect.protocol.InboundMessage.Shutdown;
import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.adapters.connect.protocol.InboundMessage.TaskOptions;
import dev.connectx.adapters.connect.protocol.InboundMessage.Unsupported;
import dev.connectx.adapters.connect.protocol.InboundMessage.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes version-2 frames: {@code {"version": 2, "message_type": …, "data": {…, "model_type": …}}}.
 * Outbound frames carry every field the Python runner sends, {@code null} included; inbound frames may carry
 * fields this codec does not know, and they survive in echoed tasks.
 */
public final class MessageCodec {

    public static final String SETUP_REQUEST = "setup_request";
    public static final String SETUP_RESPONSE = "setup_response";
    public static final String TASK = "task";
    public static final String SHUTDOWN = "shutdown";
    /** Frames up to 2 MiB, as the Python runner (master) accepts; larger ones are dropped. */
    public static final int MAX_FRAME_CHARS = 2 * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Reads one frame.
     *
     * @throws MalformedFrameException when it is not a version-2 frame this codec can read, saying why
     */
    public InboundMessage decode(String frame) {
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JacksonException e) {
            throw new MalformedFrameException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedFrameException("not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.intValue() != 2) {
            throw new MalformedFrameException(
                    "not a version 2 frame (version " + (version == null ? "missing" : version) + ")");
        }
        String type = requiredText(root, "message_type");
        JsonNode data = root.get("data");
        return switch (type) {
            case SHUTDOWN -> new Shutdown();
            case SETUP_RESPONSE -> setupResponse(requiredObject(data, "data"));
            case TASK -> task(requiredObject(data, "data"));
            default -> new Unsupported(type);
        };
    }

    private static SetupResponse setupResponse(ObjectNode data) {
        List<Variable> variables = new ArrayList<>();
        JsonNode list = data.path("variables");
        if (list.isArray()) {
            for (JsonNode variable : list) {
                variables.add(new Variable(
                        requiredText(variable, "name"),
                        textOrNull(variable.get("value")),
                        variable.path("secure").asBoolean(false)));
            }
        } else if (list.isObject()) { // the short-lived dict form (core, 2022)
            list.properties().forEach(e -> variables.add(new Variable(e.getKey(), textOrNull(e.getValue()), false)));
        }
        List<EventDefinition> definitions = new ArrayList<>();
        for (JsonNode definition : data.path("event_definitions")) {
            definitions.add(new EventDefinition(
                    requiredText(definition, "event_type"),
                    requiredText(definition, "api_resource_endpoint"),
                    requiredText(definition, "api_collection_endpoint"),
                    requiredText(definition, "api_collection_filter")));
        }
        JsonNode logging = data.path("logging");
        return new SetupResponse(
                variables,
                optionalText(data.get("environment_type")),
                optionalText(logging.path("meta").get("service_id")),
                optionalText(logging.get("log_level")),
                definitions);
    }

    private static Task task(ObjectNode data) {
        ObjectNode options = requiredObject(data.get("options"), "data.options");
        ObjectNode input = requiredObject(data.get("input"), "data.input");
        TaskOptions taskOptions = new TaskOptions(
                requiredText(options, "task_id"),
                requiredText(options, "task_category"),
                optionalText(options.get("api_key")),
                optionalText(options.get("installation_id")));
        return new Task(data, taskOptions, requiredText(input, "event_type"), requiredText(input, "object_id"));
    }

    /** The {@code setup_request} of an events worker, every field present as the Python runner sends it. */
    public String setupRequest(
            Map<String, List<String>> eventSubscriptions,
            List<DeclaredVariable> variables,
            List<String> audience,
            String runnerVersion) {
        ObjectNode data = NODES.objectNode();
        ObjectNode subscriptions = data.putObject("event_subscriptions");
        eventSubscriptions.forEach((type, statuses) -> statuses.forEach(subscriptions.putArray(type)::add));
        data.putNull("ui_modules");
        data.putNull("icon");
        ArrayNode declared = data.putArray("variables");
        for (DeclaredVariable variable : variables) {
            declared.addObject()
                    .put("name", variable.name())
                    .put("initial_value", variable.initialValue())
                    .put("secure", variable.secure());
        }
        data.putArray("schedulables");
        data.putNull("anvil_callables");
        data.putNull("transformations");
        audience.forEach(data.putArray("audience")::add);
        data.putObject("repository").putNull("readme_url").putNull("changelog_url");
        data.put("runner_version", runnerVersion);
        data.putNull("proxied_connect_api");
        data.put("model_type", SETUP_REQUEST);
        return frame(SETUP_REQUEST, data);
    }

    /** The task echoed back whole, with {@code output} filled in (§2.6). */
    public String taskResult(Task task, TaskOutput output) {
        ObjectNode data = task.data().deepCopy();
        ObjectNode out = data.putObject("output");
        out.put("result", output.result().wireName());
        out.putNull("data");
        out.put("countdown", 0);
        out.put("runtime", output.runtimeSeconds());
        if (output.message() == null) {
            out.putNull("message");
        } else {
            out.put("message", output.message());
        }
        data.put("model_type", TASK);
        return frame(TASK, data);
    }

    /** {@code {"version": 2, "message_type": "shutdown", "data": null}}. */
    public String shutdown() {
        return frame(SHUTDOWN, null);
    }

    private String frame(String type, ObjectNode data) {
        ObjectNode frame = NODES.objectNode().put("version", 2).put("message_type", type);
        frame.set("data", data == null ? NODES.nullNode() : data);
        try {
            return json.writeValueAsString(frame);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a frame", e);
        }
    }

    /** A variable the extension declares in its {@code setup_request}. */
    public record DeclaredVariable(String name, String initialValue, boolean secure) {}

    private static ObjectNode requiredObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new MalformedFrameException(field + " must be an object, not "
                    + (node == null ? "missing" : node.getNodeType().name().toLowerCase()));
        }
        return (ObjectNode) node;
    }

    private static String requiredText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
            throw new MalformedFrameException(field + " must be a non-empty string");
        }
        return node.textValue();
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node == null || !node.isTextual() || node.textValue().isEmpty()
                ? Optional.empty()
                : Optional.of(node.textValue());
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.textValue() : node.toString();
    }
}
