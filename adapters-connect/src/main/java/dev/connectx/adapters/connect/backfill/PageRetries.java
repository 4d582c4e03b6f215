package dev.connectx.adapters.connect.backfill;

import dev.connectx.application.port.in.BackfillState.Phase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A page that failed for now is asked for again after a pause ({@link RetryPause}), reported as {@code retrying}
 * with its reason and logged; the lease is kept meanwhile.
 */
final class PageRetries {

    private static final System.Logger LOG = System.getLogger(PageRetries.class.getName());

    private final Instant since;
    private final RetryPause pause;
    private final ProgressReport progress;
    private final Lease lease;

    PageRetries(Instant since, RetryPause pause, ProgressReport progress, Lease lease) {
        this.since = since;
        this.pause = pause;
        this.progress = progress;
        this.lease = lease;
    }

    /**
     * Pauses before the same page is asked for again.
     *
     * @param reason the short reason for the status ({@code HTTP 503}, {@code store unavailable})
     * @return false when the lease was lost meanwhile
     */
    boolean after(String reason, String message, Optional<Duration> retryAfter) throws InterruptedException {
        Duration wait = pause.next(retryAfter);
        progress.publish(Phase.RETRYING, Optional.of(reason));
        LOG.log(
                Level.WARNING,
                "Backfill since {0}: {1}; asking again in {2,number,#} ms (failure {3,number,#} in a row)",
                since,
                message,
                wait.toMillis(),
                pause.failuresInARow());
        return lease.sleepHolding(wait);
    }

    /** A page went through: the next failure pauses the shortest again. */
    void succeeded() {
        pause.reset();
    }
}
