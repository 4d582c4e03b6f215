package dev.connectx.adapters.connect.runtime;

import static dev.connectx.adapters.connect.runtime.ConnectSession.NAME;

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
 * maintenance.
 */
final class SessionOpener {

    private static final System.Logger LOG = System.getLogger(SessionOpener.class.getName());

    private final ConnectRuntimeSettings settings;
    private final Timings timings;
    private final HttpClient client;
    private final FrameHandler frames;
    private final TaskRunner tasks;
    private final String setupRequest;
    private final StopSignal stop;
    private final Backoff backoff;

    SessionOpener(
            ConnectRuntimeSettings settings,
            HttpClient client,
            FrameHandler frames,
            TaskRunner tasks,
            String setupRequest,
            StopSignal stop) {
        this.settings = settings;
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
        long firstFailure = 0;
        while (true) {
            try {
                return ConnectSession.open(
                        client,
                        settings.backgroundWorkerUri(tasks.running()),
                        settings.apiKey(),
                        setupRequest,
                        frames,
                        timings);
            } catch (ConnectionFailedException e) {
                attempt++;
                firstFailure = attempt == 1 ? System.nanoTime() : firstFailure;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - firstFailure);
                Duration left =
                        (e.maintenance() ? timings.maintenanceBudget() : timings.communicationBudget()).minus(elapsed);
                if (stop.isStopping()) {
                    throw new InterruptedException("stopping");
                }
                if (left.isNegative() || left.isZero()) {
                    throw new GaveUpException(e.getMessage());
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

    /** The retry budget ran out. */
    static final class GaveUpException extends Exception {
        GaveUpException(String message) {
            super(message);
        }
    }
}
