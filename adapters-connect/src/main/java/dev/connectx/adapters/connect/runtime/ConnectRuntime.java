package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.protocol.MessageCodec;
import dev.connectx.adapters.connect.protocol.MessageCodec.DeclaredVariable;
import dev.connectx.adapters.connect.rest.ConnectRestClient;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.RequestStatus;
import dev.connectx.largeobjects.LargeObjectTurns;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * connectx as a Connect extension runtime: the background events worker of the DevOps WebSocket protocol,
 * subscribed to the given event types and statuses, recording each event through
 * the use case and answering Connect as CloudBlue's Python runner does.
 */
public final class ConnectRuntime implements AutoCloseable {

    /** The version connectx reports as {@code runner_version}. */
    public static final String RUNNER_VERSION = "connectx-0.1.0";

    private final EventsWorker worker;
    private final HttpClient client;
    private final ConnectAccess access;
    private final ConnectionHistory history;

    private ConnectRuntime(EventsWorker worker, HttpClient client, ConnectAccess access, ConnectionHistory history) {
        this.worker = worker;
        this.history = history;
        this.client = client;
        this.access = access;
    }

    /**
     * Starts connecting to Connect; returns at once.
     *
     * @param largeObjects the turns a task takes to fetch an object of several MiB, shared with the app's other paths
     * @param access the proxies to reach Connect through, and where to report whether it accepts the key
     * @param subscriptions the event types and statuses to subscribe to: declared to Connect, and the filter of each
     *     task's staleness check
     * @param variables the configuration variables to declare
     * @param onVariables told of all of Connect's variables whenever a {@code setup_response} changes them
     */
    public static ConnectRuntime start(
            ConnectRuntimeSettings settings,
            ConnectAccess access,
            RecordSubscriptionEventUseCase recordEvent,
            LargeObjectTurns largeObjects,
            EventSubscriptions subscriptions,
            List<ConnectVariable> variables,
            ConnectVariablesListener onVariables,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Map<String, List<RequestStatus>> statusesByType = new TreeMap<>();
        subscriptions
                .statusesByType()
                .forEach((type, statuses) -> statusesByType.put(
                        type.wireName(),
                        statuses.stream().sorted(Comparator.naturalOrder()).toList()));
        MessageCodec codec = new MessageCodec();
        Map<String, List<String>> declared = new TreeMap<>();
        statusesByType.forEach((type, statuses) -> declared.put(
                type, statuses.stream().map(RequestStatus::wireName).toList()));
        String setupRequest = codec.setupRequest(
                declared,
                variables.stream()
                        .map(v -> new DeclaredVariable(v.name(), v.initialValue(), v.secure()))
                        .toList(),
                List.of("vendor", "distributor"),
                RUNNER_VERSION);
        HttpClient client = access.newClient(settings.timings().handshakeTimeout());
        ExtensionConfiguration configuration = new ExtensionConfiguration();
        ConnectRestClient api = new ConnectRestClient(
                client, settings.apiBase(), settings.backgroundTaskTimeout(), access.keyStatus(), largeObjects);
        BackgroundTaskProcessor processor =
                new BackgroundTaskProcessor(api, configuration, recordEvent, clock, settings.apiKey(), statusesByType);
        ResultSender sender = new ResultSender();
        TaskRunner tasks =
                new TaskRunner(processor, sender, codec, settings.backgroundTaskTimeout(), settings.maxTasks());
        FrameHandler frames =
                new FrameHandler(codec, configuration, Objects.requireNonNull(onVariables, "onVariables"), tasks);
        ConnectionHistory history = new ConnectionHistory(clock);
        EventsWorker worker = new EventsWorker(
                settings, access.keyStatus(), history, client, codec, frames, tasks, sender, setupRequest);
        worker.start();
        return new ConnectRuntime(worker, client, access, history);
    }

    /** Completes when the runtime has stopped, saying why. */
    public CompletableFuture<StopReason> stopped() {
        return worker.stopped();
    }

    /** Why Connect does not accept the key, as the latest call to it found; empty while it does. */
    public java.util.Optional<String> keyRefusal() {
        return access.keyStatus().refusal();
    }

    /** The latest changes of the connection, newest first. */
    public java.util.List<ConnectionHistory.Change> connectionHistory() {
        return history.recent();
    }

    /** Sessions that shook hands with Connect so far: the first, then one per reconnect. */
    public long sessionsOpened() {
        return worker.sessionsOpened();
    }

    /** Tasks running or waiting for their turn now. */
    public int runningTasks() {
        return worker.runningTasks();
    }

    /** Whether a WebSocket connection to Connect is open now. */
    public boolean isConnected() {
        return worker.isConnected();
    }

    /**
     * Stops as on SIGTERM: sends {@code shutdown}, takes no more tasks, lets running ones finish and sends their
     * results (bounded by the drain timeout), then closes the connection with 1000.
     */
    @Override
    public void close() {
        worker.stop();
        client.close();
    }
}
