package dev.connectx.adapters.connect.backfill;

import dev.connectx.application.port.in.BackfillState.Phase;
import dev.connectx.application.port.in.CheckpointUnavailableException;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import dev.connectx.domain.BackfillCheckpoint;
import dev.connectx.domain.BackfillCounts;
import dev.connectx.domain.RequestFamily;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Waits for the lease: while another instance holds it or the store is unreachable, looks again every third of the
 * lease; ends without it when the checkpoint says the backfill is finished.
 */
final class LeaseWait {

    private static final System.Logger LOG = System.getLogger(LeaseWait.class.getName());

    private final Instant since;
    private final Set<RequestFamily> families;
    private final TrackBackfillUseCase track;
    private final Lease lease;
    private final ProgressReport progress;

    LeaseWait(
            Instant since,
            Set<RequestFamily> families,
            TrackBackfillUseCase track,
            Lease lease,
            ProgressReport progress) {
        this.since = since;
        this.families = families;
        this.track = track;
        this.lease = lease;
        this.progress = progress;
    }

    /**
     * Waits until this instance holds the lease, and returns the checkpoint to go on from; empty when the backfill is
     * finished (and so holds no lease).
     *
     * @param firstLook whether this is the first look of this process: a backfill finished then was finished before
     */
    Optional<BackfillCheckpoint> untilHeld(boolean firstLook) throws InterruptedException {
        while (true) {
            try {
                Optional<BackfillCheckpoint> saved = track.checkpoint(since);
                if (saved.isPresent() && saved.get().covering(families).finished()) {
                    BackfillCounts counts = saved.get().counts();
                    progress.listing(counts);
                    progress.publish(Phase.DONE, counts, Optional.empty());
                    LOG.log(
                            Level.INFO,
                            "Backfill since {0}: done {1}, {2,number,#} objects, {3,number,#} recorded; nothing to list",
                            since,
                            firstLook ? "before" : "by another instance",
                            counts.done(),
                            counts.recorded());
                    return Optional.empty();
                }
                if (lease.claim()) {
                    BackfillCheckpoint from = track.checkpoint(since)
                            .orElseGet(() -> BackfillCheckpoint.start(since, families))
                            .covering(families);
                    LOG.log(
                            Level.INFO,
                            "Backfill since {0}: {1} from {2,number,#} objects gone through",
                            since,
                            from.counts().done() == 0 ? "starting" : "resuming",
                            from.counts().done());
                    return Optional.of(from);
                }
                progress.publish(Phase.WAITING, Optional.of("another instance holds the lease"));
            } catch (CheckpointUnavailableException e) {
                progress.publish(Phase.WAITING, Optional.of("store unavailable"));
                LOG.log(Level.WARNING, "Backfill since {0} is waiting for the store: {1}", since, e.getMessage());
            }
            Thread.sleep(lease.checkInterval().toMillis());
        }
    }
}
