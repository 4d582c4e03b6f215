package dev.connectx.adapters.connect.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.adapters.connect.backfill.ListedObjects.StorePausedException;
import dev.connectx.adapters.connect.rest.ConnectListClient;
import dev.connectx.adapters.connect.rest.ListFailedException;
import dev.connectx.adapters.connect.rest.ListedPage;
import dev.connectx.application.port.in.BackfillState.Phase;
import dev.connectx.application.port.in.CheckpointUnavailableException;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import dev.connectx.domain.BackfillCheckpoint;
import dev.connectx.domain.BackfillCounts;
import dev.connectx.domain.HistoryPosition;
import dev.connectx.domain.RequestFamily;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The backfill, run on one thread: wait for the lease, then list each family's history page by page from the
 * checkpoint, recording every object and saving the checkpoint after each page, until every family is gone through.
 * A failed page is asked for again after a pause; a lost lease sends the job back to waiting; only a refusal of the
 * list itself (a 4xx other than 401, 403 and 429) ends it before it is done.
 */
final class BackfillJob implements Runnable {

    private static final System.Logger LOG = System.getLogger(BackfillJob.class.getName());

    private final BackfillSettings settings;
    private final Set<RequestFamily> families;
    private final Function<RequestFamily, HistoryQuery> queries;
    private final Function<RequestFamily, ListedObjects> objects;
    private final ConnectListClient lists;
    private final String apiKey;
    private final TrackBackfillUseCase track;
    private final ProgressReport progress;
    private final RetryPause pause;
    private final RecordingWindow window = new RecordingWindow();
    private BackfillCheckpoint checkpoint;
    private long lastRenewNanos;

    BackfillJob(
            BackfillSettings settings,
            Map<RequestFamily, HistoryQuery> queries,
            Function<RequestFamily, ListedObjects> objects,
            ConnectListClient lists,
            String apiKey,
            TrackBackfillUseCase track,
            ProgressReport progress,
            RetryPause pause) {
        this.settings = settings;
        this.families = queries.keySet();
        this.queries = queries::get;
        this.objects = objects;
        this.lists = lists;
        this.apiKey = apiKey;
        this.track = track;
        this.progress = progress;
        this.pause = pause;
    }

    @Override
    public void run() {
        Instant since = settings.since();
        boolean holding = false;
        try {
            progress.publish(Phase.WAITING, Optional.empty());
            boolean firstLook = true;
            while (true) {
                Optional<BackfillCheckpoint> saved = awaitLease(firstLook);
                firstLook = false;
                if (saved.isEmpty()) {
                    return; // finished, by this instance before or by another meanwhile
                }
                holding = true;
                checkpoint = saved.get();
                Outcome outcome = listAll();
                holding = false; // listAll gives the lease up when it is done or failed
                if (outcome != Outcome.LEASE_LOST) {
                    return;
                }
                LOG.log(Level.WARNING, "Backfill since {0}: another instance took the lease over; waiting", since);
                progress.publish(Phase.WAITING, Optional.of("lease lost"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException e) {
            // stopping while a page was being read
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Backfill since " + since + " stopped by an unexpected failure", e);
            progress.publish(Phase.FAILED, Optional.of(e.getClass().getSimpleName()));
        } finally {
            window.close();
            if (holding) {
                releaseQuietly();
            }
        }
    }

    private enum Outcome {
        DONE,
        FAILED,
        LEASE_LOST
    }

    /**
     * Waits until this instance holds the lease, and returns the checkpoint to go on from; empty when the backfill is
     * finished (and so holds no lease).
     */
    private Optional<BackfillCheckpoint> awaitLease(boolean firstLook) throws InterruptedException {
        Instant since = settings.since();
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
                if (track.claim(since, settings.holder())) {
                    lastRenewNanos = System.nanoTime();
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
            Thread.sleep(leaseCheckInterval().toMillis());
        }
    }

    private Outcome listAll() throws InterruptedException {
        sizeUp();
        progress.listing(checkpoint.counts());
        progress.publish(Phase.RUNNING, checkpoint.counts(), Optional.empty());
        for (RequestFamily family : families) {
            Outcome outcome = listFamily(family);
            if (outcome != Outcome.DONE) {
                return outcome;
            }
        }
        BackfillCounts counts = checkpoint.counts();
        progress.publish(Phase.DONE, counts, Optional.empty());
        LOG.log(
                Level.INFO,
                "Backfill since {0}: done, {1,number,#} objects, {2,number,#} recorded, {3,number,#} passed over, {4,number,#} malformed ({5,number,#} pages, {6,number,#} objects fetched by this instance)",
                settings.since(),
                counts.done(),
                counts.recorded(),
                counts.passedOver(),
                counts.malformed(),
                progress.pages(),
                progress.fetchedObjects());
        releaseQuietly();
        return Outcome.DONE;
    }

    /**
     * Asks each family that has not started for its size ({@code limit=0}), so that the total is known from the start;
     * a family that does not answer has its total from its first page instead.
     */
    private void sizeUp() throws InterruptedException {
        for (RequestFamily family : families) {
            HistoryPosition position = checkpoint.position(family).orElseThrow();
            if (position.finished() || position.counts().done() > 0) {
                continue;
            }
            HistoryQuery query = queries.apply(family);
            try {
                ListedPage count =
                        lists.list(query.collection(), query.page(position.watermark(), 0, 0), apiKey, object -> {});
                if (count.total().isPresent()) {
                    checkpoint = checkpoint.with(
                            family,
                            new HistoryPosition(
                                    position.watermark(),
                                    position.seenAtWatermark(),
                                    position.counts().withTotal(count.total().getAsLong()),
                                    false));
                }
            } catch (ListFailedException e) {
                LOG.log(Level.DEBUG, "Backfill: no count of {0} ({1})", query.collection(), e.reason());
            }
        }
    }

    private Outcome listFamily(RequestFamily family) throws InterruptedException {
        HistoryQuery query = queries.apply(family);
        ListedObjects handler = objects.apply(family);
        int offset = 0;
        while (true) {
            HistoryPosition position = checkpoint.position(family).orElseThrow();
            if (position.finished()) {
                return Outcome.DONE;
            }
            PageTally tally = new PageTally(position);
            try {
                if (!renewIfDue()) {
                    return Outcome.LEASE_LOST;
                }
                progress.page();
                ListedPage page = lists.list(
                        query.collection(),
                        query.page(position.watermark(), settings.pageSize(), offset),
                        apiKey,
                        object -> {
                            progress.fetched();
                            handleObject(handler, object, tally);
                        });
                window.drain();
                HistoryPosition next = tally.next(page, settings.pageSize());
                offset = tally.stuck(page, settings.pageSize())
                        ? next.seenAtWatermark().size()
                        : 0;
                BackfillCheckpoint advanced = checkpoint.with(family, next);
                if (!track.advance(advanced, settings.holder())) {
                    return Outcome.LEASE_LOST;
                }
                lastRenewNanos = System.nanoTime();
                checkpoint = advanced;
                pause.reset();
                progress.publish(Phase.RUNNING, checkpoint.counts(), Optional.empty());
            } catch (ListFailedException e) {
                window.drainQuietly();
                if (e.kind() == ListFailedException.Kind.REFUSED) {
                    LOG.log(
                            Level.ERROR,
                            "Backfill since {0} failed: {1}. The checkpoint is kept; the next start tries again from it",
                            settings.since(),
                            e.getMessage());
                    progress.publish(Phase.FAILED, Optional.of(e.reason()));
                    releaseQuietly();
                    return Outcome.FAILED;
                }
                if (e.kind() == ListFailedException.Kind.KEY_REFUSED) {
                    LOG.log(Level.ERROR, "Backfill: {0}; retrying", e.getMessage());
                }
                if (!retryLater(e.reason(), e.getMessage(), e.retryAfter())) {
                    return Outcome.LEASE_LOST;
                }
            } catch (StorePausedException e) {
                window.drainQuietly();
                if (!retryLater("store unavailable", e.getMessage(), Optional.empty())) {
                    return Outcome.LEASE_LOST;
                }
            } catch (CheckpointUnavailableException e) {
                if (!retryLater("store unavailable", e.getMessage(), Optional.empty())) {
                    return Outcome.LEASE_LOST;
                }
            }
        }
    }

    private void handleObject(ListedObjects handler, JsonNode object, PageTally tally) {
        try {
            handler.handle(object, tally, window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the backfill is stopping");
        }
    }

    /** Pauses before the same page is asked for again, keeping the lease; false when it was lost meanwhile. */
    private boolean retryLater(String reason, String message, Optional<Duration> retryAfter)
            throws InterruptedException {
        Duration wait = pause.next(retryAfter);
        progress.publish(Phase.RETRYING, Optional.of(reason));
        LOG.log(
                Level.WARNING,
                "Backfill since {0}: {1}; asking again in {2,number,#} ms (failure {3,number,#} in a row)",
                settings.since(),
                message,
                wait.toMillis(),
                pause.failuresInARow());
        long end = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = end - System.nanoTime()) {
            Thread.sleep(Math.max(1, Math.min(left, leaseCheckInterval().toNanos()) / 1_000_000));
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

    /** Renews the lease when a third of it has passed since it was last renewed; false when it is lost. */
    private boolean renewIfDue() {
        if (System.nanoTime() - lastRenewNanos < leaseCheckInterval().toNanos()) {
            return true;
        }
        if (!track.claim(settings.since(), settings.holder())) {
            return false;
        }
        lastRenewNanos = System.nanoTime();
        return true;
    }

    private Duration leaseCheckInterval() {
        return track.leaseDuration().dividedBy(3);
    }

    private void releaseQuietly() {
        try {
            track.release(settings.since(), settings.holder());
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Backfill: the lease could not be given up ({0}); it lapses", e.getMessage());
        }
    }
}
