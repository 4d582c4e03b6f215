package dev.connectx.bootstrap;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.connectx.bootstrap.config.ConnectxSettings;
import dev.connectx.bootstrap.config.StorageSettings;
import dev.connectx.bootstrap.store.CannotOpenStoreException;
import dev.connectx.bootstrap.store.StoreOpener;
import dev.connectx.bootstrap.store.SwappableBackfillCheckpointStore;
import dev.connectx.bootstrap.store.SwappableSubscriptionEventStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The store at start: the MongoDB (and its client) when the settings need one, then the first events' store and,
 * with a backfill, its checkpoints, opened on a thread of their own while the HTTP side loads its classes (on a
 * two-core machine this saves about a second). Requests that arrive first wait for the store.
 */
final class FirstStore {

    private final ConnectxSettings settings;
    private final StoreOpener opener;
    private final SwappableSubscriptionEventStore store;
    private final Optional<SwappableBackfillCheckpointStore> checkpoints;
    /** The MongoDB client started with the first store, when the settings need one; the Data API server uses it too. */
    private final CompletableFuture<Optional<MongoClient>> mongo = new CompletableFuture<>();

    FirstStore(
            ConnectxSettings settings,
            StoreOpener opener,
            SwappableSubscriptionEventStore store,
            Optional<SwappableBackfillCheckpointStore> checkpoints) {
        this.settings = settings;
        this.opener = opener;
        this.store = store;
        this.checkpoints = checkpoints;
    }

    void openInBackground() {
        Thread.ofPlatform().name("connectx-store-start").start(this::open);
    }

    /** Completes with the MongoDB client once it runs (empty when the settings need none), or with why it could not. */
    CompletableFuture<Optional<MongoClient>> mongo() {
        return mongo;
    }

    /**
     * Waits until the first store is open.
     *
     * @throws StartupException saying why it could not be opened
     */
    void await() {
        try {
            store.awaitFirst();
        } catch (CannotOpenStoreException e) {
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StartupException("the store could not be opened: " + e, e);
        }
    }

    private void open() {
        StorageSettings storage = settings.storage();
        try {
            mongo.complete(settings.needsMongo() ? Optional.of(opener.startMongo(storage)) : Optional.empty());
            store.replace(opener.open(storage), storage.operationTimeout());
            if (checkpoints.isPresent()) {
                checkpoints.get().replace(opener.openCheckpoints(storage));
            }
        } catch (Throwable e) {
            mongo.completeExceptionally(e);
            store.failedToOpen(e);
        }
    }
}
