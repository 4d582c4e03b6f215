package dev.connectx.adapters.connect.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The events worker's stop, shared with what it waits on: once stopping, no new session is opened; once a stop is
 * requested, every pause ends at once.
 */
final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile boolean stopping;

    /** No more sessions or tasks, e.g. Connect said {@code shutdown}; pauses still run out. */
    void markStopping() {
        stopping = true;
    }

    /** A stop from outside (SIGTERM): stopping, and every pause cut short. */
    void request() {
        stopping = true;
        requested.countDown();
    }

    boolean isStopping() {
        return stopping;
    }

    /** Waits, unless a stop is requested first; then throws InterruptedException to end the caller's loop. */
    void pause(Duration duration) throws InterruptedException {
        if (requested.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stopping");
        }
    }
}
