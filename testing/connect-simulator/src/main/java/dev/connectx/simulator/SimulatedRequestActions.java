package dev.connectx.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The request actions of the simulated Connect, as its REST API documents them: {@code POST
 * /public/v1/requests/{id}/approve} with {@code {"template_id": …}} (under {@code tier/config-requests} with {@code
 * {"template": {"id": …}}}), {@code …/fail} with {@code {"reason": …}} and {@code …/inquire}. Each works on a held
 * pending request, moves it to {@code approved}, {@code failed} or {@code inquiring} with a new {@code updated}, and
 * answers it; anything else is a 400, as Connect answers. Every action taken is recorded.
 */
final class SimulatedRequestActions {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> requests;
    private final SimulatedRestApi rest;
    private final Clock clock;
    private final List<RequestAction> taken = new CopyOnWriteArrayList<>();

    SimulatedRequestActions(Map<String, ObjectNode> requests, SimulatedRestApi rest, Clock clock) {
        this.requests = requests;
        this.rest = rest;
        this.clock = clock;
    }

    void register(HttpRouting.Builder routing) {
        routing.post("/public/v1/requests/{id}/{action}", (request, response) -> act(request, response, "PR-"))
                .post(
                        "/public/v1/tier/config-requests/{id}/{action}",
                        (request, response) -> act(request, response, "TCR-"));
    }

    List<RequestAction> taken() {
        return List.copyOf(taken);
    }

    private void act(ServerRequest request, ServerResponse response, String prefix) {
        String id = request.path().pathParameters().get("id");
        String action = request.path().pathParameters().get("action");
        String body = request.content().as(String.class);
        rest.recordCall("POST " + request.path().rawPath());
        if (!rest.authorized(request, response)) {
            return;
        }
        ObjectNode held = id.startsWith(prefix) ? requests.get(id) : null;
        if (held == null) {
            answer(response, Status.NOT_FOUND_404, "REQ_001", "Request " + id + " not found.");
            return;
        }
        JsonNode input;
        try {
            input = json.readTree(body.isEmpty() ? "{}" : body);
        } catch (Exception e) {
            answer(response, Status.BAD_REQUEST_400, "VAL_001", "The body is not JSON.");
            return;
        }
        String next;
        switch (action) {
            case "approve" -> {
                JsonNode template =
                        prefix.equals("TCR-") ? input.path("template").path("id") : input.path("template_id");
                if (!template.isTextual() || template.textValue().isBlank()) {
                    answer(response, Status.BAD_REQUEST_400, "VAL_001", "A template is required to approve.");
                    return;
                }
                next = "approved";
            }
            case "fail" -> {
                if (!input.path("reason").isTextual()) {
                    answer(response, Status.BAD_REQUEST_400, "VAL_001", "A reason is required to fail.");
                    return;
                }
                next = "failed";
            }
            case "inquire" -> next = "inquiring";
            default -> {
                answer(response, Status.NOT_FOUND_404, "API_001", "No action " + action + ".");
                return;
            }
        }
        ObjectNode changed;
        synchronized (held) {
            if (!"pending".equals(held.path("status").asText())) {
                answer(response, Status.BAD_REQUEST_400, "REQ_003", "Only pending requests can be " + next + ".");
                return;
            }
            changed = held.deepCopy();
            changed.put("status", next);
            changed.put(
                    "updated",
                    OffsetDateTime.now(clock)
                            .withOffsetSameInstant(ZoneOffset.UTC)
                            .truncatedTo(ChronoUnit.SECONDS)
                            .toString());
            if (!requests.replace(id, held, changed)) {
                answer(response, Status.CONFLICT_409, "REQ_004", "The request changed meanwhile.");
                return;
            }
        }
        taken.add(new RequestAction(id, action, body));
        response.header(HeaderNames.CONTENT_TYPE, "application/json").send(changed.toString());
    }

    private static void answer(ServerResponse response, Status status, String code, String error) {
        response.status(status)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send("{\"error_code\":\"" + code + "\",\"errors\":[\"" + error.replace("\"", "'") + "\"]}");
    }
}
