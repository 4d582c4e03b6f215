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
    private final Map<RequestFamily, HistoryQuery> queries;
    private final Function<RequestFamily, ListedObjects> objects;
    private final ConnectListClient lists;
    private final String apiKey;
    private final TrackBackfillUseCase track;
    private final ProgressReport progress;
    private final PageRetries retries;
    private final RecordingWindow window = new RecordingWindow();
    private final Lease lease;
    private final LeaseWait leaseWait;
    private BackfillCheckpoint checkpoint;

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
        this.queries = queries;
        this.objects = objects;
        this.lists = lists;
        this.apiKey = apiKey;
        this.track = track;
        this.progress = progress;
        this.lease = new Lease(track, settings.since(), settings.holder());
        this.leaseWait = new LeaseWait(settings.since(), families, track, lease, progress);
        this.retries = new PageRetries(settings.since(), pause, progress, lease);
    }

    @Override
    public void run() {
        Instant since = settings.since();
        boolean holding = false;
        try {
            progress.publish(Phase.WAITING, Optional.empty());
            boolean firstLook = true;
            while (true) {
                Optional<BackfillCheckpoint> saved = leaseWait.untilHeld(firstLook);
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
                lease.release();
            }
        }
    }

    private enum Outcome {
        DONE,
        FAILED,
        LEASE_LOST
    }

    private Outcome listAll() throws InterruptedException {
        checkpoint = HistorySizes.sizedUp(checkpoint, families, queries, lists, apiKey);
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
        lease.release();
        return Outcome.DONE;
    }

    private Outcome listFamily(RequestFamily family) throws InterruptedException {
        HistoryQuery query = queries.get(family);
        ListedObjects handler = objects.apply(family);
        int offset = 0;
        while (true) {
            HistoryPosition position = checkpoint.position(family).orElseThrow();
            if (position.finished()) {
                return Outcome.DONE;
            }
            PageTally tally = new PageTally(position);
            try {
                if (!lease.renewIfDue()) {
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
                lease.renewed();
                checkpoint = advanced;
                retries.succeeded();
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
                    lease.release();
                    return Outcome.FAILED;
                }
                if (!retries.after(e.reason(), e.getMessage(), e.retryAfter())) {
                    return Outcome.LEASE_LOST;
                }
            } catch (StorePausedException e) {
                window.drainQuietly();
                if (!retries.after("store unavailable", e.getMessage(), Optional.empty())) {
                    return Outcome.LEASE_LOST;
                }
            } catch (CheckpointUnavailableException e) {
                if (!retries.after("store unavailable", e.getMessage(), Optional.empty())) {
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
}
