package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.protocol.InboundMessage;
import dev.connectx.adapters.connect.protocol.InboundMessage.SetupResponse;
import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.adapters.connect.protocol.MalformedFrameException;
import dev.connectx.adapters.connect.protocol.MessageCodec;
import dev.connectx.adapters.connect.protocol.MessageCodec.TaskOutput;
import dev.connectx.adapters.connect.runtime.ConnectRuntime.StopReason;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The background events worker (§1.5–1.7, §4): connects, handshakes, runs tasks concurrently on virtual
 * threads, reconnects with the Python runner's backoff, and stops when Connect says so.
 */
final class EventsWorker {

    private static final System.Logger LOG = System.getLogger(EventsWorker.class.getName());
    private static final String NAME = "BackgroundEventsWorker";
    /** Frames up to 2 MiB, as the Python runner (master) accepts. */
    static final int MAX_FRAME_CHARS = 2 * 1024 * 1024;

    private final ConnectRuntimeSettings settings;
    private final Timings timings;
    private final HttpClient client;
    private final MessageCodec codec;
    private final BackgroundTaskProcessor processor;
    private final ResultSender sender;
    private final ExtensionConfiguration configuration;
    private final Consumer<Map<String, String>> onVariables;
    private final String setupRequest;
    private final Backoff backoff;
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final TaskTurns turns;
    private final AtomicInteger runningTasks = new AtomicInteger();
    private final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile WebSocketConnection current;

    EventsWorker(ConnectRuntimeSettings settings, HttpClient client, MessageCodec codec, BackgroundTaskProcessor processor,
            ExtensionConfiguration configuration, Consumer<Map<String, String>> onVariables, String setupRequest) {
        this.settings = settings;
        this.timings = settings.timings();
        this.client = client;
        this.codec = codec;
        this.processor = processor;
        this.sender = new ResultSender();
        this.configuration = configuration;
        this.onVariables = onVariables;
        this.setupRequest = setupRequest;
        this.backoff = new Backoff(timings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
        this.turns = new TaskTurns(settings.maxTasks());
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

    boolean isConnected() {
        WebSocketConnection connection = current;
        return connection != null && connection.isOpen();
    }

    /** Stops as on SIGTERM: tells Connect, takes no more tasks, drains, closes with 1000. Waits for it. */
    void stop() {
        if (stopped.isDone()) {
            return;
        }
        stopping = true;
        WebSocketConnection connection = current;
        if (connection != null && connection.isOpen()) {
            try {
                connection.send(codec.shutdown(), timings.handshakeTimeout());
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "shutdown not sent: {0}", e.toString());
            }
        }
        stopRequested.countDown();
        try {
            stopped.get(timings.drainTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "{0} did not stop in time: {1}", NAME, e.toString());
        }
    }

    private void run() {
        StopReason reason = StopReason.STOPPED;
        try {
            while (!stopping) {
                WebSocketConnection connection = connectWithBackoff();
                current = connection;
                sender.useConnection(connection);
                StopReason ended = receive(connection);
                sender.useConnection(null);
                if (ended != null) {
                    reason = ended;
                    break;
                }
                if (!stopping) {
                    LOG.log(Level.WARNING, "{0}: disconnected from: {1}, try to reconnect in {2,number,0.#}s", NAME,
                            settings.webSocketBase(), timings.reconnectDelay().toMillis() / 1000.0);
                    pause(timings.reconnectDelay());
                }
            }
        } catch (GaveUp e) {
            LOG.log(Level.ERROR, "{0}: max connection attempts reached, exit! ({1})", NAME, e.getMessage());
            reason = StopReason.GAVE_UP;
        } catch (InterruptedException e) {
            // a pause cut short by stop()
        } finally {
            drainAndClose(reason);
        }
    }

    /** Waits, unless stop() is called first; then throws InterruptedException to end the loop. */
    private void pause(Duration duration) throws InterruptedException {
        if (stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stopping");
        }
    }

    /** Reads and handles frames until the connection ends; returns why to stop, or null to reconnect. */
    private StopReason receive(WebSocketConnection connection) throws InterruptedException {
        Thread keepalive = Thread.ofVirtual().name("connectx-keepalive").start(() -> keepAlive(connection));
        try {
            while (!stopping) {
                Incoming next = connection.poll(Duration.ofMillis(200));
                switch (next) {
                    case null -> {
                        // poll again; checks the stop flag
                    }
                    case Incoming.Text text -> {
                        if (handle(text.frame())) {
                            LOG.log(Level.INFO, "{0}: shutting down...", NAME);
                            return StopReason.SHUTDOWN_BY_CONNECT;
                        }
                    }
                    case Incoming.Oversized oversized -> LOG.log(Level.WARNING,
                            "Dropped a frame of {0,number,#} characters from Connect, over the {1,number,#} limit", oversized.characters(), MAX_FRAME_CHARS);
                    case Incoming.Closed closed -> {
                        if (closed.code() == 1000 || closed.code() == 1001) {
                            LOG.log(Level.INFO, "The WS connection has been closed, reason: {0} ({1,number,#})", closed.reason(), closed.code());
                            return StopReason.CLOSED_BY_CONNECT;
                        }
                        LOG.log(Level.WARNING, "{0}: connection closed with {1,number,#} {2}", NAME, closed.code(), closed.reason());
                        connection.abort();
                        return null;
                    }
                    case Incoming.Failed failed -> {
                        LOG.log(Level.WARNING, "{0}: connection failed: {1}", NAME, failed.cause().toString());
                        connection.abort();
                        return null;
                    }
                }
            }
            return StopReason.STOPPED;
        } finally {
            keepalive.interrupt();
        }
    }

    /** Handles one frame; returns true when Connect asked to shut down. Never throws for a bad frame. */
    private boolean handle(String frame) {
        InboundMessage message;
        try {
            message = codec.decode(frame);
        } catch (MalformedFrameException e) {
            LOG.log(Level.WARNING, "Ignoring a malformed frame from Connect: {0}", e.getMessage());
            return false;
        }
        switch (message) {
            case SetupResponse setup -> {
                boolean changed = configuration.apply(setup);
                LOG.log(Level.INFO, "Extension configuration has been updated.");
                if (changed) {
                    try {
                        onVariables.accept(configuration.variables());
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "Applying the new configuration failed; the previous one stays: {0}", e.getMessage());
                    }
                }
            }
            case Task task -> submit(task);
            case InboundMessage.Shutdown shutdown -> {
                return true;
            }
            case InboundMessage.Unsupported unsupported -> LOG.log(Level.WARNING,
                    "Ignoring a {0} message: connectx runs the background events worker only", unsupported.messageType());
        }
        return false;
    }

    private void submit(Task task) {
        String taskId = task.options().taskId();
        if (stopping) {
            LOG.log(Level.INFO, "Not taking task {0}: stopping (Connect delivers it again)", taskId);
            return;
        }
        String category = task.options().category();
        LOG.log(Level.DEBUG, "received new {0} task: {1}", category, taskId);
        switch (category) {
            case "background" -> {
                if (!takePlace()) {
                    LOG.log(Level.INFO, "Not taking task {0}: stopping (Connect delivers it again)", taskId);
                    return;
                }
                runningTasks.incrementAndGet();
                tasks.submit(() -> runWhenItsTurn(task));
            }
            // The Python runner answers fail for an interactive task it has no handler for, retry for a scheduled one.
            case "interactive" -> answer(task, BackgroundTaskProcessor.output("fail", "connectx handles no interactive events", System.nanoTime()));
            case "scheduled" -> answer(task, BackgroundTaskProcessor.output("retry", "connectx has no schedulables", System.nanoTime()));
            default -> LOG.log(Level.WARNING, "Ignoring task {0} of unknown category {1}", taskId, category);
        }
    }

    /** A place for one more task; while every place is taken, this (the frame reader) waits, and so does Connect. */
    private boolean takePlace() {
        try {
            return turns.takePlace(() -> stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a task once one of the {@code maxTasks} turns is free; a task still waiting at a stop is left to Connect. */
    private void runWhenItsTurn(Task task) {
        try {
            if (!turns.takeTurn(() -> stopping)) {
                LOG.log(Level.INFO, "Task {0} did not start before the stop (Connect delivers it again)", task.options().taskId());
                return;
            }
            try {
                runBackground(task);
            } finally {
                turns.releaseTurn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            turns.releasePlace();
            runningTasks.decrementAndGet();
        }
    }

    private void runBackground(Task task) {
        long started = System.nanoTime();
        Future<TaskOutput> running = tasks.submit(() -> processor.process(task));
        TaskOutput output;
        try {
            output = running.get(settings.backgroundTaskTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            output = BackgroundTaskProcessor.output("retry", "the task did not finish within " + settings.backgroundTaskTimeout().toSeconds()
                    + " s (BACKGROUND_TASK_MAX_EXECUTION_TIME)", started);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Got exception during execution of task {0}: {1}", task.options().taskId(), e.getCause().toString());
            output = BackgroundTaskProcessor.output("retry", e.getCause().toString(), started);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            output = BackgroundTaskProcessor.output("retry", "connectx stopped before the task finished", started);
        }
        answer(task, output);
    }

    private void answer(Task task, TaskOutput output) {
        LOG.log(Level.INFO, "{0} task {1} result: {2}, took: {3,number,0.000}", task.options().category(), task.options().taskId(),
                output.result(), output.runtimeSeconds());
        sender.enqueue(task.options().taskId(), codec.taskResult(task, output));
    }

    private WebSocketConnection connectWithBackoff() throws GaveUp, InterruptedException {
        int attempt = 0;
        long firstFailure = 0;
        while (true) {
            try {
                return connectOnce();
            } catch (ConnectionFailedException e) {
                attempt++;
                firstFailure = attempt == 1 ? System.nanoTime() : firstFailure;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - firstFailure);
                Duration left = (e.maintenance() ? timings.maintenanceBudget() : timings.communicationBudget()).minus(elapsed);
                if (stopping) {
                    throw new InterruptedException("stopping");
                }
                if (left.isNegative() || left.isZero()) {
                    throw new GaveUp(e.getMessage());
                }
                Duration wait = backoff.delay(attempt, left);
                LOG.log(Level.WARNING, "{0}: {1}. Attempt {2,number,#} failed, backing off waiting {3,number,0.0} seconds before the next. Elapsed time: {4,number,#} seconds.",
                        NAME, e.getMessage(), attempt, wait.toMillis() / 1000.0, elapsed.toSeconds());
                pause(wait);
            }
        }
    }

    private WebSocketConnection connectOnce() throws ConnectionFailedException, InterruptedException {
        URI uri = settings.backgroundWorkerUri(runningTasks.get());
        WebSocketConnection connection = WebSocketConnection.open(client, uri, settings.apiKey(), timings.handshakeTimeout(), MAX_FRAME_CHARS);
        try {
            if (!connection.ping(timings.handshakeTimeout())) {
                throw new ConnectionFailedException("no pong within " + timings.handshakeTimeout().toSeconds() + " s", false, null);
            }
            connection.send(setupRequest, timings.handshakeTimeout());
            Incoming first = connection.poll(timings.handshakeTimeout());
            if (!(first instanceof Incoming.Text text)) {
                throw new ConnectionFailedException(first == null ? "no answer to setup_request within " + timings.handshakeTimeout().toSeconds() + " s"
                        : "connection closed by the host during the handshake: " + first, false, null);
            }
            LOG.log(Level.INFO, "{0} connected to {1}", NAME, uri);
            if (handle(text.frame())) {
                stopping = true;
            }
            return connection;
        } catch (ConnectionFailedException | InterruptedException e) {
            connection.abort();
            throw e;
        } catch (Exception e) {
            connection.abort();
            throw new ConnectionFailedException("received an unexpected exception: " + e, false, e);
        }
    }

    private void keepAlive(WebSocketConnection connection) {
        try {
            while (connection.isOpen()) {
                Thread.sleep(timings.pingInterval().toMillis());
                if (connection.isOpen() && !connection.ping(timings.pingInterval())) {
                    LOG.log(Level.WARNING, "{0}: no pong within {1,number,#} s, reconnecting", NAME, timings.pingInterval().toSeconds());
                    connection.failWith(new TimeoutException("keepalive ping timed out"));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // connection ended
        }
    }

    private void drainAndClose(StopReason reason) {
        stopping = true;
        LOG.log(Level.INFO, "Stopping {0}...", NAME);
        Thread.interrupted(); // a stray interrupt must not skip the close below
        try {
            long deadline = System.nanoTime() + timings.drainTimeout().toNanos();
            while (runningTasks.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            WebSocketConnection connection = current;
            if (connection != null && connection.isOpen()) {
                sender.useConnection(connection);
                if (!sender.awaitEmpty(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    LOG.log(Level.WARNING, "Cannot send all results: {0} left unsent (Connect delivers their tasks again)", sender.pending());
                }
                connection.close(1000, "connectx stopping");
            } else if (sender.pending() > 0 || runningTasks.get() > 0) {
                LOG.log(Level.WARNING, "{0} results unsent and {1} tasks unfinished at stop (Connect delivers their tasks again)",
                        sender.pending(), runningTasks.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.stop();
            tasks.shutdownNow();
            current = null;
            LOG.log(Level.INFO, "{0} stopped", NAME);
            stopped.complete(reason);
        }
    }

    /** The retry budget ran out. */
    private static final class GaveUp extends Exception {
        GaveUp(String message) {
            super(message);
        }
    }
}
