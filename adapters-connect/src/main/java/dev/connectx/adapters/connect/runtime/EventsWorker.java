package dev.connectx.adapters.connect.runtime;

import static dev.connectx.adapters.connect.runtime.ConnectSession.NAME;

import dev.connectx.adapters.connect.access.ApiKeyStatus;
import dev.connectx.adapters.connect.protocol.MessageCodec;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.adapters.connect.transport.WebSocketConnection;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The background events worker (§1.5–1.8, §4.8), on one platform thread: a session with Connect after another
 * ({@link SessionOpener} reconnects with the Python runner's backoff until its budget runs out), and at the end a
 * drain: running tasks finish and their results are sent before the connection closes with 1000.
 */
final class EventsWorker {

    private static final System.Logger LOG = System.getLogger(EventsWorker.class.getName());

    private final ConnectRuntimeSettings settings;
    private final ConnectionHistory history;
    private final Timings timings;
    private final MessageCodec codec;
    private final TaskRunner tasks;
    private final ResultSender sender;
    private final StopSignal stop = new StopSignal();
    private final SessionOpener sessions;
    private final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
    private final Thread thread;
    private volatile WebSocketConnection current;
    private final java.util.concurrent.atomic.AtomicLong sessionsOpened = new java.util.concurrent.atomic.AtomicLong();

    EventsWorker(
            ConnectRuntimeSettings settings,
            ApiKeyStatus keyStatus,
            ConnectionHistory history,
            HttpClient client,
            MessageCodec codec,
            FrameHandler frames,
            TaskRunner tasks,
            ResultSender sender,
            String setupRequest) {
        this.settings = settings;
        this.history = history;
        this.timings = settings.timings();
        this.codec = codec;
        this.tasks = tasks;
        this.sender = sender;
        this.sessions = new SessionOpener(settings, keyStatus, history, client, frames, tasks, setupRequest, stop);
        this.thread = Thread.ofPlatform().name("connectx-events-worker").unstarted(this::run);
    }

    void start() {
        LOG.log(Level.INFO, "Starting {0}...", NAME);
        sender.start();
        thread.start();
    }

    CompletableFuture<StopReason> stopped() {
        return stopped;
    }

    /** Sessions that shook hands with Connect so far: the first connection, then one per reconnect. */
    long sessionsOpened() {
        return sessionsOpened.get();
    }

    int runningTasks() {
        return tasks.running();
    }

    boolean isConnected() {
        WebSocketConnection connection = current;
        return connection != null && connection.isOpen();
    }

    /** Stops as on SIGTERM: tells Connect, takes no more tasks, drains, closes with 1000. Waits for it. */
    void stop() {
        if (stopped.isDone()) {
            return;
        }
        stopping();
        WebSocketConnection connection = current;
        if (connection != null && connection.isOpen()) {
            try {
                connection.send(codec.shutdown(), timings.handshakeTimeout());
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "shutdown not sent: {0}", e.toString());
            }
        }
        stop.request();
        try {
            stopped.get(timings.drainTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "{0} did not stop in time: {1}", NAME, e.toString());
        }
    }

    private void stopping() {
        stop.markStopping();
        tasks.stopTaking();
    }

    private void run() {
        StopReason reason = StopReason.STOPPED;
        try {
            while (!stop.isStopping()) {
                ConnectSession session = sessions.open();
                sessionsOpened.incrementAndGet();
                history.add("connected to " + settings.webSocketBase());
                if (session.shutdownAtHandshake()) {
                    stopping();
                }
                current = session.connection();
                sender.useConnection(current);
                Optional<StopReason> ended = session.receive(stop::isStopping);
                sender.useConnection(null);
                if (ended.isPresent()) {
                    reason = ended.get();
                    break;
                }
                history.add("disconnected; reconnecting");
                if (!stop.isStopping()) {
                    LOG.log(
                            Level.WARNING,
                            "{0}: disconnected from: {1}, try to reconnect in {2,number,0.#}s",
                            NAME,
                            settings.webSocketBase(),
                            timings.reconnectDelay().toMillis() / 1000.0);
                    stop.pause(timings.reconnectDelay());
                }
            }
        } catch (SessionOpener.GaveUpException e) {
            LOG.log(Level.ERROR, "{0}: max connection attempts reached, exit! ({1})", NAME, e.getMessage());
            reason = e.keyRefused() ? StopReason.KEY_REFUSED : StopReason.GAVE_UP;
        } catch (InterruptedException e) {
            // a pause cut short by stop()
        } finally {
            drainAndClose(reason);
        }
    }

    private void drainAndClose(StopReason reason) {
        stopping();
        LOG.log(Level.INFO, "Stopping {0}...", NAME);
        Thread.interrupted(); // a stray interrupt must not skip the close below
        try {
            long deadline = System.nanoTime() + timings.drainTimeout().toNanos();
            tasks.awaitIdle(deadline);
            WebSocketConnection connection = current;
            if (connection != null && connection.isOpen()) {
                sender.useConnection(connection);
                if (!sender.awaitEmpty(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    LOG.log(
                            Level.WARNING,
                            "Cannot send all results: {0} left unsent (Connect delivers their tasks again)",
                            sender.pending());
                }
                connection.close(1000, "connectx stopping");
            } else if (sender.pending() > 0 || tasks.running() > 0) {
                LOG.log(
                        Level.WARNING,
                        "{0} results unsent and {1} tasks unfinished at stop (Connect delivers their tasks again)",
                        sender.pending(),
                        tasks.running());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.stop();
            tasks.shutdownNow();
            current = null;
            LOG.log(Level.INFO, "{0} stopped", NAME);
            history.add(
                    switch (reason) {
                        case SHUTDOWN_BY_CONNECT -> "stopped: Connect sent shutdown";
                        case CLOSED_BY_CONNECT -> "stopped: Connect closed the connection";
                        case GAVE_UP -> "stopped: Connect unreachable past the retry budget";
                        case KEY_REFUSED -> "stopped: Connect refused API_KEY";
                        case STOPPED -> "stopped";
                    });
            stopped.complete(reason);
        }
    }
}
