package dev.connectx.application.service;

import dev.connectx.application.port.in.BackfillState;
import dev.connectx.application.port.in.CheckpointUnavailableException;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.BackfillCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the backfill's checkpoint and lease in the store, leases lasting a fixed time from this process's clock, and
 * holds the progress the job last reported for the read side.
 */
public final class BackfillService implements TrackBackfillUseCase, ReadBackfillStatusUseCase {

    private final BackfillCheckpointStore store;
    private final Duration leaseDuration;
    private final Clock clock;
    private volatile BackfillState latest;

    public BackfillService(BackfillCheckpointStore store, Instant since, Duration leaseDuration, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latest = BackfillState.waiting(since);
    }

    @Override
    public Optional<BackfillCheckpoint> checkpoint(Instant since) {
        return reaching(() -> store.load(since));
    }

    @Override
    public boolean claim(Instant since, String holder) {
        Instant now = clock.instant();
        return reaching(() -> store.lease(since, holder, now, now.plus(leaseDuration)));
    }

    @Override
    public boolean advance(BackfillCheckpoint checkpoint, String holder) {
        Instant until = clock.instant().plus(leaseDuration);
        return reaching(() -> store.save(checkpoint, holder, until));
    }

    @Override
    public void release(Instant since, String holder) {
        reaching(() -> {
            store.release(since, holder);
            return null;
        });
    }

    @Override
    public Duration leaseDuration() {
        return leaseDuration;
    }

    @Override
    public void report(BackfillState state) {
        latest = Objects.requireNonNull(state, "state");
    }

    @Override
    public Optional<BackfillState> backfill() {
        return Optional.of(latest);
    }

    private static <T> T reaching(Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw new CheckpointUnavailableException("the checkpoint store is unavailable: " + e.getMessage(), e);
        }
    }
}
