package dev.connectx.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST side of the simulated Connect: {@code GET /public/v1/requests/{id}} serves a held asset request, {@code GET
 * /public/v1/tier/config-requests/{id}} a tier configuration request, and each collection answers the status count of
 * an event definition's filter ({@code ?and(eq(id,…),in(status,(…)))}), all only to the environment's token or an
 * installation's key. Every call is recorded.
 */
final class SimulatedRestApi {

    private static final Pattern ID_FILTER = Pattern.compile("eq\\(id,([^)]+)\\)");
    private static final Pattern STATUS_FILTER = Pattern.compile("in\\(status,\\(([^)]*)\\)\\)");

    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final Map<String, ObjectNode> requests = new ConcurrentHashMap<>();
    private final Map<String, String> rawRequests = new ConcurrentHashMap<>();
    private final List<String> installationKeys = new CopyOnWriteArrayList<>();
    private final RecentEntries<String> calls;
    private final RecentEntries<String> authorizations;

    SimulatedRestApi(String apiKey, int recorded) {
        this.apiKey = apiKey;
        this.calls = new RecentEntries<>(recorded);
        this.authorizations = new RecentEntries<>(recorded);
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/public/v1/requests/{id}", (request, response) -> getRequest(request, response, "PR-"))
                .get("/public/v1/requests", (request, response) -> countRequests(request, response, "PR-"))
                .get(
                        "/public/v1/tier/config-requests/{id}",
                        (request, response) -> getRequest(request, response, "TCR-"))
                .get(
                        "/public/v1/tier/config-requests",
                        (request, response) -> countRequests(request, response, "TCR-"));
    }

    void put(String requestJson) {
        try {
            ObjectNode request = (ObjectNode) json.readTree(requestJson);
            requests.put(request.get("id").textValue(), request);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a request JSON object", e);
        }
    }

    void putRaw(String requestId, String body) {
        rawRequests.put(requestId, body);
    }

    void remove(String requestId) {
        requests.remove(requestId);
    }

    void acceptInstallationKey(String key) {
        installationKeys.add(key);
    }

    List<String> calls() {
        return calls.snapshot();
    }

    List<String> authorizations() {
        return authorizations.snapshot();
    }

    private boolean authorized(ServerRequest request, ServerResponse response) {
        String authorization =
                request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        authorizations.add(authorization);
        if (!authorization.equals(apiKey) && !installationKeys.contains(authorization)) {
            response.status(Status.UNAUTHORIZED_401)
                    .send("{\"error_code\":\"AUTH_001\",\"errors\":[\"API request is unauthorized.\"]}");
            return false;
        }
        return true;
    }

    /** @param prefix the ids this collection holds: {@code PR-} in {@code requests}, {@code TCR-} in the tier one */
    private void getRequest(ServerRequest request, ServerResponse response, String prefix) {
        String id = request.path().pathParameters().get("id");
        calls.add(request.path().rawPath());
        if (!authorized(request, response)) {
            return;
        }
        boolean inThisCollection = id.startsWith(prefix);
        String raw = inThisCollection ? rawRequests.get(id) : null;
        if (raw != null) {
            response.header(HeaderNames.CONTENT_TYPE, "application/json").send(raw);
            return;
        }
        ObjectNode found = inThisCollection ? requests.get(id) : null;
        if (found == null) {
            response.status(Status.NOT_FOUND_404)
                    .send("{\"error_code\":\"REQ_001\",\"errors\":[\"Request " + id + " not found.\"]}");
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/json").send(found.toString());
    }

    private void countRequests(ServerRequest request, ServerResponse response, String prefix) {
        String query = request.query().rawValue();
        calls.add(request.path().rawPath() + "?" + query);
        if (!authorized(request, response)) {
            return;
        }
        String decoded = URLDecoder.decode(query, StandardCharsets.UTF_8);
        Matcher id = ID_FILTER.matcher(decoded);
        Matcher statuses = STATUS_FILTER.matcher(decoded);
        int count = 0;
        if (id.find() && id.group(1).startsWith(prefix)) {
            ObjectNode found = requests.get(id.group(1));
            List<String> wanted = statuses.find() ? List.of(statuses.group(1).split(",")) : List.of();
            if (rawRequests.containsKey(id.group(1))
                    || found != null
                            && (wanted.isEmpty()
                                    || wanted.contains(found.path("status").asText()))) {
                count = 1;
            }
        }
        response.header(HeaderNames.create("Content-Range"), "items 0-0/" + count)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send("[]");
    }
}
