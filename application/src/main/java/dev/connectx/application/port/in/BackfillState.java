package dev.connectx.application.port.in;

import dev.connectx.domain.BackfillCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a backfill stands, as {@code GET /api/status} shows it.
 *
 * @param since the oldest {@code updated} it lists
 * @param phase what it is doing
 * @param counts what it has gone through, across restarts
 * @param fetched objects this process has received from Connect
 * @param pages list pages this process has asked Connect for
 * @param perSecond objects gone through per second by this process, since it started listing
 * @param remaining the estimated time left, when there is a rate to estimate from
 * @param error the last failure (a status code or an exception name, never a key), while it stands
 */
public record BackfillState(
        Instant since,
        Phase phase,
        BackfillCounts counts,
        long fetched,
        long pages,
        double perSecond,
        Optional<Duration> remaining,
        Optional<String> error) {

    /** What a backfill is doing. */
    public enum Phase {
        /** Not started: the store is not reachable yet, or another instance holds the lease. */
        WAITING,
        RUNNING,
        /** A page or the store failed for now; the same page is asked for again after a pause. */
        RETRYING,
        DONE,
        /** Connect refused the list for good (a 4xx other than 401, 403, 429); the next start tries again. */
        FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BackfillState {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(error, "error");
    }

    /** A backfill that has not started. */
    public static BackfillState waiting(Instant since) {
        return new BackfillState(
                since, Phase.WAITING, BackfillCounts.NONE, 0, 0, 0, Optional.empty(), Optional.empty());
    }
}
