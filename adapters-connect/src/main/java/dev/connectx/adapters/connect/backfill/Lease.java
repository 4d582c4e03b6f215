package dev.connectx.adapters.connect.backfill;

import dev.connectx.application.port.in.CheckpointUnavailableException;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * This instance's hold on the backfill's lease: taken, renewed every third of its duration (between pages, and while
 * pausing before a page is asked for again), and given up. A renewal that fails means another instance has it.
 */
final class Lease {

    private static final System.Logger LOG = System.getLogger(Lease.class.getName());

    private final TrackBackfillUseCase track;
    private final Instant since;
    private final String holder;
    private long renewedNanos;

    Lease(TrackBackfillUseCase track, Instant since, String holder) {
        this.track = track;
        this.since = since;
        this.holder = holder;
    }

    /**
     * Takes the lease, or renews it.
     *
     * @throws CheckpointUnavailableException when the store cannot be reached
     */
    boolean claim() {
        if (!track.claim(since, holder)) {
            return false;
        }
        renewed();
        return true;
    }

    /** A checkpoint was saved, which renewed the lease too. */
    void renewed() {
        renewedNanos = System.nanoTime();
    }

    /** Renews the lease when a third of it has passed since it was last renewed; false when it is lost. */
    boolean renewIfDue() {
        return System.nanoTime() - renewedNanos < checkInterval().toNanos() || claim();
    }

    /** Sleeps, keeping the lease; false as soon as it is lost. */
    boolean sleepHolding(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = end - System.nanoTime()) {
            Thread.sleep(Math.max(1, Math.min(left, checkInterval().toNanos()) / 1_000_000));
            try {
                if (!renewIfDue()) {
                    return false;
                }
            } catch (CheckpointUnavailableException e) {
                // the store is down too: the lease may lapse, and the next save will tell
            }
        }
        return true;
    }

    /** How often a waiting instance looks at the lease, and a holder renews it: a third of its duration. */
    Duration checkInterval() {
        return track.leaseDuration().dividedBy(3);
    }

    /** Gives the lease up, so that another instance may take it at once; if the store is down, it lapses. */
    void release() {
        try {
            track.release(since, holder);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Backfill: the lease could not be given up ({0}); it lapses", e.getMessage());
        }
    }
}
