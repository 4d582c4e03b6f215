package dev.connectx.bootstrap;

/** The Connect messages {@link AotTrainingPeer} sends, written out as Connect sends them (see docs/connect-protocol.md). */
final class AotTrainingMessages {

    private AotTrainingMessages() {}

    /** The training's {@code setup_response}: one event definition, purchase requests. */
    static String setupResponse() {
        return """
                {"version":2,"message_type":"setup_response","data":{"variables":[],"environment_type":"development",\
                "logging":{"logging_api_key":null,"log_level":"INFO","runner_log_level":"INFO","meta":{}},\
                "event_definitions":[{"event_type":"asset_purchase_request_processing",\
                "api_resource_endpoint":"requests/{pk}","api_collection_endpoint":"requests",\
                "api_collection_filter":"and(eq(id,${_object_id_}),in(status,${_statuses_}))"}],\
                "model_type":"setup_response"}}""";
    }

    /** The training's task {@code i}: a purchase request of its own. */
    static String task(int i) {
        return ("{\"version\":2,\"message_type\":\"task\",\"data\":{\"options\":{\"task_id\":\"TQ-%1$06d\","
                        + "\"task_category\":\"background\",\"correlation_id\":\"c-%1$d\",\"reply_to\":\"r\","
                        + "\"api_key\":null,\"installation_id\":null},\"input\":{\"event_type\":"
                        + "\"asset_purchase_request_processing\",\"object_id\":\"PR-0000-0000-%2$04d-001\",\"data\":null},"
                        + "\"output\":null,\"model_type\":\"task\"}}")
                .formatted(i, i % 10_000);
    }
}
