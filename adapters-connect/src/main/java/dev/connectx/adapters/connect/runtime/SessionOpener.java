package dev.connectx.adapters.connect.runtime;

import static dev.connectx.adapters.connect.runtime.ConnectSession.NAME;

import dev.connectx.adapters.connect.access.ApiKeyStatus;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.adapters.connect.transport.Backoff;
import dev.connectx.adapters.connect.transport.ConnectionFailedException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens a session with Connect, attempt after attempt with the Python runner's backoff (§1.7), until one succeeds or
 * the budget runs out: the communication budget, or the longer maintenance one while Connect says it is in
 * maintenance. A key that Connect refuses (401 or 403 at the upgrade) is asked with {@value #KEY_REFUSALS} times in a
 * row at most: it does not fix itself, and a supervisor should hear of it within seconds rather than 15 minutes.
 */
final class SessionOpener {

    /** How many refusals of the key in a row end the attempts. */
    static final int KEY_REFUSALS = 5;

    private static final System.Logger LOG = System.getLogger(SessionOpener.class.getName());

    private final ConnectRuntimeSettings settings;
    private final Timings timings;
    private final HttpClient client;
    private final FrameHandler frames;
    private final TaskRunner tasks;
    private final String setupRequest;
    private final StopSignal stop;
    private final Backoff backoff;
    private final ApiKeyStatus keyStatus;
    private final ConnectionHistory history;

    SessionOpener(
            ConnectRuntimeSettings settings,
            ApiKeyStatus keyStatus,
            ConnectionHistory history,
            HttpClient client,
            FrameHandler frames,
            TaskRunner tasks,
            String setupRequest,
            StopSignal stop) {
        this.settings = settings;
        this.keyStatus = keyStatus;
        this.history = history;
        this.timings = settings.timings();
        this.client = client;
        this.frames = frames;
        this.tasks = tasks;
        this.setupRequest = setupRequest;
        this.stop = stop;
        this.backoff = new Backoff(
                timings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A session that shook hands; InterruptedException when a stop came first. */
    ConnectSession open() throws GaveUpException, InterruptedException {
        int attempt = 0;
        int refusals = 0;
        long firstFailure = 0;
        while (true) {
            try {
                ConnectSession session = ConnectSession.open(
                        client,
                        settings.backgroundWorkerUri(tasks.running()),
                        settings.apiKey(),
                        setupRequest,
                        frames,
                        timings);
                keyStatus.accepted();
                return session;
            } catch (ConnectionFailedException e) {
                attempt++;
                if (attempt == 1 || e.refusedStatus().isPresent()) {
                    history.add(e.getMessage());
                }
                if (e.refusedStatus().isPresent()) {
                    keyStatus.refused("the WebSocket upgrade", e.refusedStatus().getAsInt());
                    if (++refusals >= KEY_REFUSALS) {
                        throw new GaveUpException(e.getMessage() + " " + refusals + " times in a row", true);
                    }
                } else {
                    refusals = 0;
                }
                firstFailure = attempt == 1 ? System.nanoTime() : firstFailure;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - firstFailure);
                Duration left =
                        (e.maintenance() ? timings.maintenanceBudget() : timings.communicationBudget()).minus(elapsed);
                if (stop.isStopping()) {
                    throw new InterruptedException("stopping");
                }
                if (left.isNegative() || left.isZero()) {
                    throw new GaveUpException(e.getMessage(), false);
                }
                Duration wait = backoff.delay(attempt, left);
                LOG.log(
                        Level.WARNING,
                        "{0}: {1}. Attempt {2,number,#} failed, backing off waiting {3,number,0.0} seconds before the next. Elapsed time: {4,number,#} seconds.",
                        NAME,
                        e.getMessage(),
                        attempt,
                        wait.toMillis() / 1000.0,
                        elapsed.toSeconds());
                stop.pause(wait);
            }
        }
    }

    /** The retry budget ran out, or Connect refused the key too often. */
    static final class GaveUpException extends Exception {

        private final boolean keyRefused;

        GaveUpException(String message, boolean keyRefused) {
            super(message);
            this.keyRefused = keyRefused;
        }

        boolean keyRefused() {
            return keyRefused;
        }
    }
}
