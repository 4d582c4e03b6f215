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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The REST side of the simulated Connect: {@code GET /public/v1/requests/{id}} serves a held asset request, {@code GET
 * /public/v1/tier/config-requests/{id}} a tier configuration request, and each collection answers the status count of
 * an event definition's filter ({@code ?and(eq(id,…),in(status,(…)))}), all only to the environment's token or an
 * installation's key; the request actions are {@link SimulatedRequestActions}. Every call is recorded.
 */
final class SimulatedRestApi {

    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final Map<String, ObjectNode> requests = new ConcurrentHashMap<>();
    private final Map<String, String> rawRequests = new ConcurrentHashMap<>();
    private final List<String> installationKeys = new CopyOnWriteArrayList<>();
    private final RecentEntries<String> calls;
    private final RecentEntries<String> authorizations;
    private final ListControls lists = new ListControls();

    private final SimulatedRequestActions actions;

    SimulatedRestApi(String apiKey, int recorded) {
        this.apiKey = apiKey;
        this.calls = new RecentEntries<>(recorded);
        this.authorizations = new RecentEntries<>(recorded);
        this.actions = new SimulatedRequestActions(requests, this, java.time.Clock.systemUTC());
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
        actions.register(routing);
    }

    List<RequestAction> actionsTaken() {
        return actions.taken();
    }

    void recordCall(String call) {
        calls.add(call);
    }

    /** Refuses an upgrade with a wrong key as Connect does, with 401 (filters run before the WebSocket's upgrade). */
    void refuseWrongKeysAtUpgrade(HttpRouting.Builder routing) {
        routing.addFilter((chain, request, response) -> {
            if (request.path().path().startsWith("/public/v1/devops/ws/")
                    && !apiKey.equals(
                            request.headers().first(HeaderNames.AUTHORIZATION).orElse(""))) {
                response.status(Status.UNAUTHORIZED_401)
                        .send("{\"error_code\":\"AUTH_001\",\"errors\":[\"API request is unauthorized.\"]}");
                return;
            }
            chain.proceed();
        });
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

    java.util.Optional<String> held(String requestId) {
        return java.util.Optional.ofNullable(requests.get(requestId)).map(ObjectNode::toString);
    }

    void remove(String requestId) {
        requests.remove(requestId);
    }

    void acceptInstallationKey(String key) {
        installationKeys.add(key);
    }

    ListControls lists() {
        return lists;
    }

    List<String> calls() {
        return calls.snapshot();
    }

    List<String> authorizations() {
        return authorizations.snapshot();
    }

    boolean authorized(ServerRequest request, ServerResponse response) {
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

    /**
     * {@code GET /public/v1/<collection>?<rql>&ordering(updated)&limit=N&offset=M}: the held objects of this
     * collection that match every RQL term, ordered by the {@code ordering} field (a leading {@code -} for newest
     * first; ties by id), {@code limit} of them from {@code offset}, with {@code Content-Range: items
     * <first>-<last>/<total>}. {@code limit=0} answers the count alone ({@code items 0-0/<total>}), as a task's
     * staleness check asks; an empty page says {@code items 0-0/<total>} too. A filter it cannot read is a 400.
     */
    private void countRequests(ServerRequest request, ServerResponse response, String prefix) {
        String query = request.query().rawValue();
        calls.add(request.path().rawPath() + "?" + query);
        if (!authorized(request, response)) {
            return;
        }
        ListQuery list;
        try {
            list = ListQuery.parse(URLDecoder.decode(query, StandardCharsets.UTF_8));
            if (list.limit() > 0 && !servePage(request.path().rawPath(), response)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.status(Status.SERVICE_UNAVAILABLE_503).send();
            return;
        } catch (IllegalArgumentException e) {
            response.status(Status.BAD_REQUEST_400)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .send("{\"error_code\":\"RQL_001\",\"errors\":[\""
                            + e.getMessage().replace("\"", "'") + "\"]}");
            return;
        }
        // A task's status count names its object: look that one up rather than filter every object held.
        Collection<ObjectNode> candidates = requests.values();
        if (list.onlyId().isPresent()) {
            ObjectNode named = requests.get(list.onlyId().get());
            candidates = named == null ? List.of() : List.of(named);
        }
        List<ObjectNode> matching = new ArrayList<>(candidates.stream()
                .filter(object -> object.path("id").asText().startsWith(prefix))
                .filter(list.filter())
                .toList());
        // A raw (possibly unreadable) object is counted whenever the filter names its id, whatever its status.
        rawRequests.keySet().stream()
                .filter(id -> id.startsWith(prefix) && list.namesId(id))
                .forEach(id -> matching.add(json.createObjectNode().put("id", id)));
        matching.sort(list.order());
        int total = matching.size();
        List<ObjectNode> page = list.limit() == 0
                ? List.of()
                : matching.subList(Math.min(list.offset(), total), Math.min(list.offset() + list.limit(), total));
        String range = page.isEmpty()
                ? "items 0-0/" + total
                : "items " + list.offset() + "-" + (list.offset() + page.size() - 1) + "/" + total;
        response.header(HeaderNames.create("Content-Range"), range)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(page.toString());
    }

    /** Counts a list page; false when a failure was answered instead. */
    private boolean servePage(String path, ServerResponse response) throws InterruptedException {
        ListControls.Failure failure = lists.serve(path);
        if (failure == null) {
            return true;
        }
        if (failure.retryAfter() != null) {
            response.header(HeaderNames.RETRY_AFTER, failure.retryAfter());
        }
        response.status(Status.create(failure.status()))
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(failure.body());
        return false;
    }
}
