package dev.connectx.adapters.connect.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** What a local delivery is answered: a status and a small JSON object. */
record LocalAnswer(Status status, ObjectNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalAnswer outcome(String result, String message) {
        return new LocalAnswer(
                Status.OK_200, JSON.createObjectNode().put("result", result).put("message", message));
    }

    /** {@code {"error": …, "field": …}}, the field only when one is to blame. */
    static LocalAnswer error(Status status, String message, String field) {
        ObjectNode error = JSON.createObjectNode().put("error", message);
        if (field != null) {
            error.put("field", field);
        }
        return new LocalAnswer(status, error);
    }

    void sendTo(ServerResponse response) {
        try {
            response.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }
}
