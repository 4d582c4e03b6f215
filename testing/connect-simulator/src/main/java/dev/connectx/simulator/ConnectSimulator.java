package dev.connectx.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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

    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final WebServer server;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> undelivered = new LinkedHashMap<>();
    // Records for tests, bounded so that local mode can run for months.
    private static final int RECORDED = 10_000;
    private final ReceivedResults results = new ReceivedResults(RECORDED);
    private final RecentEntries<Handshake> handshakes = new RecentEntries<>(RECORDED);
    private final RecentEntries<String> framesFromRunner = new RecentEntries<>(RECORDED);
    private final AtomicReference<SimulatedConnection> current = new AtomicReference<>();
    private final AtomicInteger taskCounter = new AtomicInteger();
    private final SimulatedRestApi rest;
    private volatile boolean answerPings = true;
    private volatile Redelivery redelivery;
    private String logLevel = "INFO";

    private ConnectSimulator(String apiKey, int port) {
        this.apiKey = apiKey;
        this.rest = new SimulatedRestApi(apiKey, RECORDED);
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .shutdownHook(false)
                .routing(routing -> {
                    rest.refuseWrongKeysAtUpgrade(routing);
                    rest.register(routing);
                })
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
        rest.put(requestJson);
    }

    /** Holds (or replaces) many requests at once: a history for a backfill to list. */
    public void putRequests(java.util.Collection<String> requestJsons) {
        requestJsons.forEach(rest::put);
    }

    /** The request actions (approve, fail, inquire) taken so far, oldest first. */
    public List<RequestAction> requestActions() {
        return rest.actionsTaken();
    }

    /** The request as held now (after any action), or empty. */
    public java.util.Optional<String> heldRequest(String requestId) {
        return rest.held(requestId);
    }

    /** The list pages: how many were served, their pace, failures to answer instead. */
    public ListControls lists() {
        return rest.lists();
    }

    /**
     * Holds a purchase request whose body is served exactly as given, even when it is not JSON: for tests of what
     * a runner does with a malformed object. The status count finds it whatever its status.
     */
    public void putRawRequest(String requestId, String body) {
        rest.putRaw(requestId, body);
    }

    /**
     * Redelivers as Connect does, so that nothing a runner fails to finish is lost: a task answered {@code retry}
     * is sent again after {@code retryAfter}, a task not answered at all (a dead runner, a dropped connection)
     * after {@code unansweredAfter}, until it gets another result. Applies to tasks delivered from now on.
     */
    public synchronized void redeliver(Duration unansweredAfter, Duration retryAfter) {
        if (redelivery != null) {
            throw new IllegalStateException("redelivery is already on");
        }
        redelivery = new Redelivery(unansweredAfter, retryAfter, this::sendOrKeep);
    }

    /** With {@link #redeliver}: how many tasks still wait for a result other than {@code retry}. */
    public int outstandingTasks() {
        return requireRedelivery().outstanding();
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
        requireRedelivery().awaitAllAnswered(timeout);
    }

    /** Calls {@code listener} with every task result as it arrives, on the connection's thread: keep it short. */
    public void onResult(java.util.function.Consumer<TaskResult> listener) {
        results.onResult(listener);
    }

    /** How many results of each kind arrived, every attempt counted, since the simulator started. */
    public Map<String, Long> resultCounts() {
        return results.counts();
    }

    private Redelivery requireRedelivery() {
        Redelivery tasks = redelivery;
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

    /** Sets the extension's log level that {@code setup_response} carries ({@code INFO} at first) and sends one. */
    public void pushLogLevel(String level) {
        synchronized (this) {
            logLevel = level;
        }
        SimulatedConnection connection = current.get();
        if (connection != null) {
            connection.send(setupResponse());
        }
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
        rest.acceptInstallationKey(installationApiKey);
        return deliver(PURCHASE_EVENT, requestId, installationApiKey);
    }

    /** Delivers a background task of any event type for an object id; returns its id. */
    public String deliver(String eventType, String objectId) {
        return deliver(eventType, objectId, null);
    }

    private String deliver(String eventType, String objectId, String installationApiKey) {
        int number = taskCounter.incrementAndGet();
        String taskId = "TQ-%04d-%04d-0001".formatted(number / 10000, number % 10000);
        String frame = SimulatorFrames.task(taskId, eventType, objectId, installationApiKey);
        Redelivery tasks = redelivery;
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
        connection().send(SimulatorFrames.frame("shutdown", null));
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
        return results.all();
    }

    /** Removes the request, as Connect forgets nothing but local mode should. */
    public void removeRequest(String requestId) {
        rest.remove(requestId);
    }

    /** Every REST call, as {@code path?query}. */
    public List<String> restCalls() {
        return rest.calls();
    }

    /** The Authorization header of every REST call, in order. */
    public List<String> restAuthorizations() {
        return rest.authorizations();
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
        return results.await(taskId, timeout);
    }

    /** Waits until the runner has completed {@code count} handshakes (setup_request received and answered). */
    public void awaitHandshakes(int count, Duration timeout) {
        Waits.until(
                () -> handshakes.count(h -> h.setupRequest() != null) >= count && isConnected(),
                timeout,
                count + " handshakes");
    }

    /** Waits for the task's result and forgets it (local mode reads each result once). */
    public TaskResult takeResult(String taskId, Duration timeout) {
        return results.take(taskId, timeout);
    }

    /** Waits until the runner is disconnected. */
    public void awaitDisconnected(Duration timeout) {
        Waits.until(() -> !isConnected(), timeout, "the runner to disconnect");
    }

    public Optional<TaskResult> resultFor(String taskId) {
        return results.find(taskId);
    }

    @Override
    public void close() {
        Redelivery tasks = redelivery;
        if (tasks != null) {
            tasks.close();
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
                Redelivery tasks = redelivery;
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
        return SimulatorFrames.setupResponse(variables, logLevel);
    }

    private SimulatedConnection connection() {
        SimulatedConnection connection = current.get();
        if (connection == null) {
            throw new IllegalStateException("no runner is connected");
        }
        return connection;
    }
}
