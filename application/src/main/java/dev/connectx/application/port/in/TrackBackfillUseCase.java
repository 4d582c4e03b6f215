package dev.connectx.application.port.in;

import dev.connectx.domain.BackfillCheckpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Driving port for the backfill job: its checkpoint, the lease that makes it run on one instance at a time, and the
 * progress it reports. Every call that reaches the store throws {@link CheckpointUnavailableException} when the store
 * cannot be reached.
 */
public interface TrackBackfillUseCase {

    /** The saved checkpoint of the backfill since that instant, if any. */
    Optional<BackfillCheckpoint> checkpoint(Instant since);

    /** Takes or renews the lease for {@code holder}; false while another instance holds it. */
    boolean claim(Instant since, String holder);

    /** Saves the checkpoint and renews the lease; false, saving nothing, when {@code holder} lost the lease. */
    boolean advance(BackfillCheckpoint checkpoint, String holder);

    /** Gives the lease up, if {@code holder} holds it. */
    void release(Instant since, String holder);

    /** How long a lease lasts unless renewed: a holder renews it well within this. */
    Duration leaseDuration();

    /** Publishes the job's progress, for {@link ReadBackfillStatusUseCase}. */
    void report(BackfillState state);
}
