package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.in.BackfillState;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import dev.connectx.domain.BackfillCheckpoint;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The backfill's metrics, counted by this process: {@code connectx_backfill_fetched_total}, the objects Connect's
 * lists returned, and {@code connectx_backfill_recorded_total}, the events the backfill stored.
 */
public final class BackfillMetrics {

    private final Counter fetched;
    private final Counter recorded;

    public BackfillMetrics(MeterRegistry registry) {
        fetched = registry.getOrCreate(Counter.builder("connectx.backfill.fetched")
                .description("Objects the backfill received from Connect's lists"));
        recorded = registry.getOrCreate(Counter.builder("connectx.backfill.recorded")
                .description("Events the backfill stored (not those stored before)"));
    }

    /** The record use case for the backfill, counting what it stores. */
    public RecordSubscriptionEventUseCase counting(RecordSubscriptionEventUseCase delegate) {
        return command -> {
            RecordOutcome outcome = delegate.record(command);
            if (outcome.storedNow()) {
                recorded.increment();
            }
            return outcome;
        };
    }

    /** The tracking use case for the backfill, counting the objects fetched as it reports them. */
    public TrackBackfillUseCase counting(TrackBackfillUseCase delegate) {
        return new TrackBackfillUseCase() {
            private long fetchedReported;

            @Override
            public Optional<BackfillCheckpoint> checkpoint(Instant since) {
                return delegate.checkpoint(since);
            }

            @Override
            public boolean claim(Instant since, String holder) {
                return delegate.claim(since, holder);
            }

            @Override
            public boolean advance(BackfillCheckpoint checkpoint, String holder) {
                return delegate.advance(checkpoint, holder);
            }

            @Override
            public void release(Instant since, String holder) {
                delegate.release(since, holder);
            }

            @Override
            public Duration leaseDuration() {
                return delegate.leaseDuration();
            }

            @Override
            public synchronized void report(BackfillState state) {
                if (state.fetched() > fetchedReported) {
                    fetched.increment(state.fetched() - fetchedReported);
                    fetchedReported = state.fetched();
                }
                delegate.report(state);
            }
        };
    }
}
