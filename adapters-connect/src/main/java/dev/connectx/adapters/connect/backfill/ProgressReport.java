package dev.connectx.adapters.connect.backfill;

import dev.connectx.application.port.in.BackfillState;
import dev.connectx.application.port.in.BackfillState.Phase;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import dev.connectx.domain.BackfillCounts;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The backfill's progress: published to the read side on every change, and logged at most every
 * {@value #LOG_EVERY_SECONDS} s while it runs, and once when it is done. The rate counts what this process went
 * through since it started listing; the time left is what remains at that rate.
 */
final class ProgressReport {

    private static final System.Logger LOG = System.getLogger(ProgressReport.class.getName());
    static final int LOG_EVERY_SECONDS = 5;

    private final Instant since;
    private final TrackBackfillUseCase track;
    private final LongSupplier nanoTime;
    private long startedNanos = -1;
    private long doneAtStart;
    private long lastLogNanos;
    private long fetched;
    private long pages;
    private BackfillCounts counts = BackfillCounts.NONE;

    ProgressReport(Instant since, TrackBackfillUseCase track, LongSupplier nanoTime) {
        this.since = since;
        this.track = track;
        this.nanoTime = nanoTime;
    }

    /** Listing starts (again) from these counts: the rate is measured from here. */
    void listing(BackfillCounts from) {
        counts = from;
        if (startedNanos < 0) {
            startedNanos = nanoTime.getAsLong();
            lastLogNanos = startedNanos;
            doneAtStart = from.done();
        }
    }

    void fetched() {
        fetched++;
    }

    void page() {
        pages++;
    }

    long pages() {
        return pages;
    }

    long fetchedObjects() {
        return fetched;
    }

    void publish(Phase phase, BackfillCounts now, Optional<String> error) {
        counts = now;
        double rate = rate();
        Optional<Duration> remaining = rate > 0 && phase != Phase.DONE
                ? Optional.of(Duration.ofSeconds((long) Math.ceil(Math.max(0, now.total() - now.done()) / rate)))
                : Optional.empty();
        track.report(new BackfillState(since, phase, now, fetched, pages, rate, remaining, error));
        long nowNanos = nanoTime.getAsLong();
        if (phase == Phase.RUNNING
                && nowNanos - lastLogNanos
                        >= Duration.ofSeconds(LOG_EVERY_SECONDS).toNanos()) {
            lastLogNanos = nowNanos;
            LOG.log(
                    Level.INFO,
                    "Backfill since {0}: {1,number,#}/{2,number,#} objects ({3}/s{4})",
                    since,
                    now.done(),
                    now.total(),
                    String.format(Locale.ROOT, "%.1f", rate),
                    remaining
                            .map(left -> ", about " + left.toSeconds() + " s left")
                            .orElse(""));
        }
    }

    /** Publishes a state that changes nothing but the phase and the error. */
    void publish(Phase phase, Optional<String> error) {
        publish(phase, counts, error);
    }

    private double rate() {
        if (startedNanos < 0) {
            return 0;
        }
        double seconds = (nanoTime.getAsLong() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : (counts.done() - doneAtStart) / seconds;
    }
}
