package dev.connectx.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Connect: the DevOps WebSocket at {@code /public/v1/devops/ws/{environment}/{instance}} and the REST
 * endpoints {@code GET /public/v1/requests} (the status count) and {@code GET /public/v1/requests/{id}}.
 *
 * <p>It answers each {@code setup_request} with its current configuration, sends tasks for the purchase
 * requests it holds, and records results. Tasks delivered while no runner is connected wait for the next
 * connection. Thread-safe; every wait is bounded.
 */
public final class ConnectSimulator implements AutoCloseable {

    public static final String PURCHASE_EVENT = "asset_purchase_request_processing";

    private static final Pattern ID_FILTER = Pattern.compile("eq\\(id,([^)]+)\\)");
    private static final Pattern STATUS_FILTER = Pattern.compile("in\\(status,\\(([^)]*)\\)\\)");

    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final WebServer server;
    private final Map<String, ObjectNode> requests = new ConcurrentHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> undelivered = new LinkedHashMap<>();
    // Records for tests, bounded so that local mode can run for months.
    private static final int RECORDED = 10_000;
    private final RecentEntries<TaskResult> results = new RecentEntries<>(RECORDED);
    private final RecentEntries<Handshake> handshakes = new RecentEntries<>(RECORDED);
    private final RecentEntries<String> restCalls = new RecentEntries<>(RECORDED);
    private final RecentEntries<String> framesFromRunner = new RecentEntries<>(RECORDED);
    private final AtomicReference<SimulatedConnection> current = new AtomicReference<>();
    private final AtomicInteger taskCounter = new AtomicInteger();
    private final List<String> installationKeys = new CopyOnWriteArrayList<>();
    private final RecentEntries<String> restAuthorizations = new RecentEntries<>(RECORDED);
    private final Map<String, String> rawRequests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> resultCounts = new ConcurrentHashMap<>();
    private volatile boolean answerPings = true;
    private final List<java.util.function.Consumer<TaskResult>> resultListeners = new CopyOnWriteArrayList<>();
    private volatile OutstandingTasks outstanding;
    private volatile ScheduledExecutorService redeliverer;

    private ConnectSimulator(String apiKey, int port) {
        this.apiKey = apiKey;
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .shutdownHook(false)
                .routing(routing -> routing.get("/public/v1/requests/{id}", this::getRequest)
                        .get("/public/v1/requests", this::countRequests))
                .addRouting(WsRouting.builder()
                        .endpoint("/public/v1/devops/ws/{environment}/{instance}", () -> new SimulatedConnection(this)))
                .build()
                .start();
    }

    /**
     * Starts a simulator on 127.0.0.1.
     *
     * @param apiKey the token a runner must send as {@code Authorization}
     * @param port the port, 0 for any free one
     */
    public static ConnectSimulator start(String apiKey, int port) {
        return new ConnectSimulator(apiKey, port);
    }

    public int port() {
        return server.port();
    }

    /** For {@code SERVER_ADDRESS}: {@code ws://127.0.0.1:port}. */
    public String serverAddress() {
        return "ws://127.0.0.1:" + port();
    }

    /** For {@code API_ADDRESS}: {@code http://127.0.0.1:port}. */
    public String apiAddress() {
        return "http://127.0.0.1:" + port();
    }

    // --- what Connect holds and sends --------------------------------------------------------------

    /** Holds (or replaces) a purchase request, served by the REST endpoints. */
    public void putRequest(String requestJson) {
        try {
            ObjectNode request = (ObjectNode) json.readTree(requestJson);
            requests.put(request.get("id").textValue(), request);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a purchase-request JSON object", e);
        }
    }

    /**
     * Holds a purchase request whose body is served exactly as given, even when it is not JSON: for tests of what
     * a runner does with a malformed object. The status count finds it whatever its status.
     */
    public void putRawRequest(String requestId, String body) {
        rawRequests.put(requestId, body);
    }

    /**
     * Redelivers as Connect does, so that nothing a runner fails to finish is lost: a task answered {@code retry}
     * is sent again after {@code retryAfter}, a task not answered at all (a dead runner, a dropped connection)
     * after {@code unansweredAfter}, until it gets another result. Applies to tasks delivered from now on.
     */
    public synchronized void redeliver(Duration unansweredAfter, Duration retryAfter) {
        if (outstanding != null) {
            throw new IllegalStateException("redelivery is already on");
        }
        outstanding = new OutstandingTasks(unansweredAfter, retryAfter);
        redeliverer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("simulator-redelivery").factory());
        redeliverer.scheduleWithFixedDelay(
                () -> outstanding.takeDue().forEach(due -> sendOrKeep(due.getKey(), due.getValue())),
                20,
                20,
                TimeUnit.MILLISECONDS);
    }

    /** With {@link #redeliver}: how many tasks still wait for a result other than {@code retry}. */
    public int outstandingTasks() {
        return requireRedelivery().size();
    }

    /** With {@link #redeliver}: how many times a task was sent again. */
    public long redeliveries() {
        return requireRedelivery().redeliveries();
    }

    /** With {@link #redeliver}: each finished task's final result ({@code success}, {@code skip}, {@code fail}). */
    public Map<String, String> finalResults() {
        return requireRedelivery().finalResults();
    }

    /** With {@link #redeliver}: waits until every task delivered has a final result. */
    public void awaitAllAnswered(Duration timeout) {
        OutstandingTasks tasks = requireRedelivery();
        await(() -> tasks.size() == 0, timeout, "every task to be answered (" + tasks.size() + " outstanding)");
    }

    /** Calls {@code listener} with every task result as it arrives, on the connection's thread: keep it short. */
    public void onResult(java.util.function.Consumer<TaskResult> listener) {
        resultListeners.add(listener);
    }

    /** How many results of each kind arrived, every attempt counted, since the simulator started. */
    public Map<String, Long> resultCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        resultCounts.forEach((result, count) -> counts.put(result, count.get()));
        return counts;
    }

    private OutstandingTasks requireRedelivery() {
        OutstandingTasks tasks = outstanding;
        if (tasks == null) {
            throw new IllegalStateException("redelivery is off; call redeliver(...) first");
        }
        return tasks;
    }

    /** Sets the configuration variables sent in the next {@code setup_response}. */
    public synchronized void setVariables(Map<String, String> values) {
        variables.clear();
        variables.putAll(values);
    }

    /** Sets the variables and pushes them to the connected runner now, as "Apply Changes" in the portal does. */
    public void pushVariables(Map<String, String> values) {
        setVariables(values);
        SimulatedConnection connection = current.get();
        if (connection != null) {
            connection.send(setupResponse());
        }
    }

    /**
     * Delivers a background {@code asset_purchase_request_processing} task for a request id.
     *
     * @return the task id
     */
    public String deliver(String requestId) {
        return deliver(PURCHASE_EVENT, requestId);
    }

    /**
     * Delivers a task as for a Multi-Account installation: {@code options.api_key} and {@code installation_id}
     * set; the REST endpoints accept that key too.
     */
    public String deliverForInstallation(String requestId, String installationApiKey) {
        installationKeys.add(installationApiKey);
        return deliver(PURCHASE_EVENT, requestId, installationApiKey);
    }

    /** Delivers a background task of any event type for an object id; returns its id. */
    public String deliver(String eventType, String objectId) {
        return deliver(eventType, objectId, null);
    }

    private String deliver(String eventType, String objectId, String installationApiKey) {
        int number = taskCounter.incrementAndGet();
        String taskId = "TQ-%04d-%04d-0001".formatted(number / 10000, number % 10000);
        ObjectNode data = json.createObjectNode();
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
        String frame = frame("task", data);
        OutstandingTasks tasks = outstanding;
        if (tasks != null) {
            tasks.sent(taskId, frame);
        }
        sendOrKeep(taskId, frame);
        return taskId;
    }

    /** Sends any text to the connected runner, e.g. a malformed frame. */
    public void sendRaw(String text) {
        connection().send(text);
    }

    /** Sends {@code shutdown}. */
    public void sendShutdown() {
        connection().send(frame("shutdown", null));
    }

    /** Closes the connection cleanly (1000), as Connect does when it ends a session on purpose. */
    public void closeCleanly() {
        connection().close(1000, "normal closure");
    }

    /** Ends the connection abnormally (close code 1011), as a failing Connect node would. */
    public void dropConnection() {
        connection().terminate();
    }

    // --- what the runner did ------------------------------------------------------------------------

    public List<Handshake> handshakes() {
        return handshakes.snapshot();
    }

    public List<TaskResult> results() {
        return results.snapshot();
    }

    /** Removes the request, as Connect forgets nothing but local mode should. */
    public void removeRequest(String requestId) {
        requests.remove(requestId);
    }

    /** Every REST call, as {@code path?query}. */
    public List<String> restCalls() {
        return restCalls.snapshot();
    }

    /** The Authorization header of every REST call, in order. */
    public List<String> restAuthorizations() {
        return restAuthorizations.snapshot();
    }

    /** Whether to answer the runner's pings; a peer that stops answering looks dead to a keepalive. */
    public void answerPings(boolean value) {
        answerPings = value;
    }

    boolean answersPings() {
        return answerPings;
    }

    /** Every frame the runner sent, in order. */
    public List<String> framesFromRunner() {
        return framesFromRunner.snapshot();
    }

    public boolean isConnected() {
        SimulatedConnection connection = current.get();
        return connection != null && connection.isReady();
    }

    /** Waits until a result for the task arrives. */
    public TaskResult awaitResult(String taskId, Duration timeout) {
        await(() -> resultFor(taskId).isPresent(), timeout, "a result for " + taskId);
        return resultFor(taskId).orElseThrow();
    }

    /** Waits until the runner has completed {@code count} handshakes (setup_request received and answered). */
    public void awaitHandshakes(int count, Duration timeout) {
        await(
                () -> handshakes.count(h -> h.setupRequest() != null) >= count && isConnected(),
                timeout,
                count + " handshakes");
    }

    /** Waits for the task's result and forgets it (local mode reads each result once). */
    public TaskResult takeResult(String taskId, Duration timeout) {
        await(() -> resultFor(taskId).isPresent(), timeout, "a result for " + taskId);
        return results.take(r -> r.taskId().equals(taskId)).orElseThrow();
    }

    /** Waits until the runner is disconnected. */
    public void awaitDisconnected(Duration timeout) {
        await(() -> !isConnected(), timeout, "the runner to disconnect");
    }

    public Optional<TaskResult> resultFor(String taskId) {
        return results.find(r -> r.taskId().equals(taskId));
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = redeliverer;
        if (executor != null) {
            executor.shutdownNow();
        }
        server.stop();
    }

    // --- inside -------------------------------------------------------------------------------------

    String apiKey() {
        return apiKey;
    }

    void opened(SimulatedConnection connection, Handshake handshake) {
        handshakes.add(handshake);
        SimulatedConnection previous = current.getAndSet(connection);
        if (previous != null && previous != connection) {
            // Off this thread: closing a connection the runner has abandoned can block, and onOpen must return.
            Thread.ofVirtual().start(() -> {
                try {
                    previous.terminate();
                } catch (RuntimeException e) {
                    // already gone
                }
            });
        }
    }

    void closed(SimulatedConnection connection) {
        current.compareAndSet(connection, null);
    }

    void received(SimulatedConnection connection, String text) {
        framesFromRunner.add(text);
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (Exception e) {
            return;
        }
        String type = frame.path("message_type").asText();
        switch (type) {
            case "setup_request" -> {
                Handshake handshake = connection.handshake().withSetupRequest(text);
                handshakes.replaceLast(connection.handshake(), handshake);
                synchronized (this) {
                    List<String> waiting = new ArrayList<>(undelivered.values());
                    undelivered.clear();
                    connection.handshakeDone(handshake, setupResponse(), waiting);
                }
            }
            case "task" -> {
                JsonNode output = frame.path("data").path("output");
                String taskId =
                        frame.path("data").path("options").path("task_id").asText();
                String result = output.path("result").asText(null);
                TaskResult taskResult =
                        new TaskResult(taskId, result, output.path("message").asText(null), text);
                results.add(taskResult);
                resultListeners.forEach(listener -> listener.accept(taskResult));
                resultCounts
                        .computeIfAbsent(String.valueOf(result), r -> new AtomicLong())
                        .incrementAndGet();
                OutstandingTasks tasks = outstanding;
                if (tasks != null) {
                    tasks.answered(taskId, result);
                }
            }
            default -> {
                // shutdown and others: recorded in framesFromRunner
            }
        }
    }

    private synchronized void sendOrKeep(String taskId, String frame) {
        SimulatedConnection connection = current.get();
        if (connection != null && connection.isReady()) {
            try {
                connection.send(frame);
                return;
            } catch (RuntimeException closedMeanwhile) {
                // kept for the next connection
            }
        }
        undelivered.put(taskId, frame);
    }

    private synchronized String setupResponse() {
        ObjectNode data = json.createObjectNode();
        var list = data.putArray("variables");
        variables.forEach((name, value) -> list.addObject()
                .put("name", name)
                .put("value", value)
                .put("secure", name.contains("PASSWORD") || name.contains("KEY") || name.equals("MONGODB_URI")));
        data.put("environment_type", "development");
        ObjectNode logging = data.putObject("logging");
        logging.putNull("logging_api_key");
        logging.put("log_level", "INFO").put("runner_log_level", "INFO");
        logging.putObject("meta")
                .put("service_id", "SRVC-0000-0000")
                .put("account_id", "PA-000-000")
                .put("account_name", "Simulated Distributor")
                .putNull("products")
                .putNull("hub_id")
                .putNull("repository_tag");
        data.putArray("event_definitions")
                .addObject()
                .put("event_type", PURCHASE_EVENT)
                .put("api_resource_endpoint", "requests/{pk}")
                .put("api_collection_endpoint", "requests")
                .put("api_collection_filter", "and(eq(id,${_object_id_}),in(status,${_statuses_}))");
        data.put("environment_runtime", "local").putNull("environment_hostname").putNull("environment_domain");
        data.put("model_type", "setup_response");
        return frame("setup_response", data);
    }

    private String frame(String type, ObjectNode data) {
        ObjectNode frame = json.createObjectNode().put("version", 2).put("message_type", type);
        frame.set("data", data == null ? json.nullNode() : data);
        return frame.toString();
    }

    private SimulatedConnection connection() {
        SimulatedConnection connection = current.get();
        if (connection == null) {
            throw new IllegalStateException("no runner is connected");
        }
        return connection;
    }

    private boolean authorized(ServerRequest request, ServerResponse response) {
        String authorization =
                request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        restAuthorizations.add(authorization);
        if (!authorization.equals(apiKey) && !installationKeys.contains(authorization)) {
            response.status(Status.UNAUTHORIZED_401)
                    .send("{\"error_code\":\"AUTH_001\",\"errors\":[\"API request is unauthorized.\"]}");
            return false;
        }
        return true;
    }

    private void getRequest(ServerRequest request, ServerResponse response) {
        String id = request.path().pathParameters().get("id");
        restCalls.add(request.path().rawPath());
        if (!authorized(request, response)) {
            return;
        }
        String raw = rawRequests.get(id);
        if (raw != null) {
            response.header(HeaderNames.CONTENT_TYPE, "application/json").send(raw);
            return;
        }
        ObjectNode found = requests.get(id);
        if (found == null) {
            response.status(Status.NOT_FOUND_404)
                    .send("{\"error_code\":\"REQ_001\",\"errors\":[\"Request " + id + " not found.\"]}");
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/json").send(found.toString());
    }

    private void countRequests(ServerRequest request, ServerResponse response) {
        String query = request.query().rawValue();
        restCalls.add(request.path().rawPath() + "?" + query);
        if (!authorized(request, response)) {
            return;
        }
        String decoded = java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        Matcher id = ID_FILTER.matcher(decoded);
        Matcher statuses = STATUS_FILTER.matcher(decoded);
        int count = 0;
        if (id.find()) {
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

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
