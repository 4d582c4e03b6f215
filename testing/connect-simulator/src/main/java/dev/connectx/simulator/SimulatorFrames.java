package dev.connectx.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The frames the simulated Connect sends, written here on their own (not with connectx's codec) so that the peer
 * checks the runner rather than agreeing with it by construction.
 */
final class SimulatorFrames {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The asset request events, fetched from {@code requests}. */
    static final List<String> ASSET_EVENTS = List.of(
            "asset_purchase_request_processing",
            "asset_change_request_processing",
            "asset_suspend_request_processing",
            "asset_resume_request_processing",
            "asset_cancel_request_processing",
            "asset_adjustment_request_processing");

    /** The tier configuration request events, fetched from {@code tier/config-requests}. */
    static final List<String> TIER_CONFIG_EVENTS = List.of(
            "tier_config_setup_request_processing",
            "tier_config_change_request_processing",
            "tier_config_adjustment_request_processing");

    private SimulatorFrames() {}

    static String frame(String type, ObjectNode data) {
        ObjectNode frame = JSON.createObjectNode().put("version", 2).put("message_type", type);
        frame.set("data", data == null ? JSON.nullNode() : data);
        return frame.toString();
    }

    /** A background task; with an installation's key for a Multi-Account installation, else none. */
    static String task(String taskId, String eventType, String objectId, String installationApiKey) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode options = data.putObject("options");
        options.put("task_id", taskId)
                .put("task_category", "background")
                .put("correlation_id", "corr-" + taskId)
                .put("reply_to", "tasks-reply")
                .putNull("connect_correlation_id");
        if (installationApiKey == null) {
            options.putNull("api_key").putNull("installation_id");
        } else {
            options.put("api_key", installationApiKey).put("installation_id", "EIN-0000-0000-0001");
        }
        data.putObject("input")
                .put("event_type", eventType)
                .put("object_id", objectId)
                .putNull("data");
        data.putNull("output");
        data.put("model_type", "task");
        return frame("task", data);
    }

    /**
     * The {@code setup_response} with these variables (secure when their name says so) and an event definition for
     * each of the nine request events, naming the collection its objects are fetched from.
     */
    static String setupResponse(Map<String, String> variables, String logLevel) {
        ObjectNode data = JSON.createObjectNode();
        var list = data.putArray("variables");
        variables.forEach((name, value) -> list.addObject()
                .put("name", name)
                .put("value", value)
                .put("secure", name.contains("PASSWORD") || name.contains("KEY") || name.equals("MONGODB_URI")));
        data.put("environment_type", "development");
        ObjectNode logging = data.putObject("logging");
        logging.putNull("logging_api_key");
        logging.put("log_level", logLevel).put("runner_log_level", "INFO");
        logging.putObject("meta")
                .put("service_id", "SRVC-0000-0000")
                .put("account_id", "PA-000-000")
                .put("account_name", "Simulated Distributor")
                .putNull("products")
                .putNull("hub_id")
                .putNull("repository_tag");
        var definitions = data.putArray("event_definitions");
        ASSET_EVENTS.forEach(type -> definition(definitions.addObject(), type, "requests"));
        TIER_CONFIG_EVENTS.forEach(type -> definition(definitions.addObject(), type, "tier/config-requests"));
        data.put("environment_runtime", "local").putNull("environment_hostname").putNull("environment_domain");
        data.put("model_type", "setup_response");
        return frame("setup_response", data);
    }

    private static void definition(ObjectNode definition, String eventType, String collection) {
        definition
                .put("event_type", eventType)
                .put("api_resource_endpoint", collection + "/{pk}")
                .put("api_collection_endpoint", collection)
                .put("api_collection_filter", "and(eq(id,${_object_id_}),in(status,${_statuses_}))");
    }
}
