package dev.connectx.bootstrap.store;

import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.BackfillCheckpoint;
import java.time.Instant;
import java.util.Optional;

/**
 * The checkpoint store the backfill is given: every call goes to the one beside the events' store in place now, so
 * that checkpoints follow the events when Connect's variables move them. Until the first is in place, calls answer
 * {@link StoreUnavailableException} (the backfill waits, as for any store outage). One replaced is closed at once: a
 * call still on it fails as unavailable and is made again.
 */
public final class SwappableBackfillCheckpointStore implements BackfillCheckpointStore {

    private volatile BackfillCheckpointStore current;

    /** Puts {@code store} in place and closes the one it replaces. */
    public synchronized void replace(BackfillCheckpointStore store) {
        BackfillCheckpointStore previous = current;
        current = store;
        if (previous != null) {
            previous.close();
        }
    }

    private BackfillCheckpointStore now() {
        BackfillCheckpointStore store = current;
        if (store == null) {
            throw new StoreUnavailableException("the store is not open yet");
        }
        return store;
    }

    @Override
    public Optional<BackfillCheckpoint> load(Instant since) {
        return now().load(since);
    }

    @Override
    public boolean lease(Instant since, String holder, Instant now, Instant until) {
        return now().lease(since, holder, now, until);
    }

    @Override
    public boolean save(BackfillCheckpoint checkpoint, String holder, Instant until) {
        return now().save(checkpoint, holder, until);
    }

    @Override
    public void release(Instant since, String holder) {
        now().release(since, holder);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }
}
