package dev.connectx.bootstrap;

import dev.connectx.adapters.mongo.driver.MongoDriverSubscriptionEventStore;
import dev.connectx.adapters.mongo.http.DataApiSubscriptionEventStore;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.bootstrap.config.InvalidSettingException;
import dev.connectx.bootstrap.config.StorageSettings;
import dev.connectx.bootstrap.config.StorageSettings.EmbeddedMongo;
import dev.connectx.bootstrap.config.StorageSettings.ExternalMongo;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.config.Config;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The store connectx writes to now: opened from the storage settings (starting the embedded MongoDB when no
 * MongoDB is configured), and replaced when Connect's variables change those settings. A replaced store closes
 * once the calls in flight on it finish.
 */
final class CurrentStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CurrentStore.class.getName());

    private final Config config;
    private final Map<String, String> baseOverrides;
    private final CompletableFuture<RetirableStore> opened = new CompletableFuture<>();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private volatile RetirableStore current;
    private volatile StorageSettings settings;
    private volatile EmbeddedMongoServer embeddedMongo;

    /** @param baseOverrides settings over the configuration that Connect's variables do not replace (local mode's) */
    CurrentStore(Config config, Map<String, String> baseOverrides) {
        this.config = config;
        this.baseOverrides = Map.copyOf(baseOverrides);
    }

    /** Opens the first store in the background: the caller goes on starting the rest of the app. */
    void openInBackground(StorageSettings initial) {
        Thread.ofPlatform().name("connectx-store-start").start(() -> {
            try {
                settings = initial;
                current = new RetirableStore(open(initial));
                opened.complete(current);
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        });
    }

    /** Waits for the first store; rethrows why it could not be opened. */
    void awaitOpen() {
        try {
            opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StartupException("the store could not be opened: " + e.getCause(), e.getCause());
        }
    }

    /** The store now; waits while the first one opens. */
    SubscriptionEventStore get() {
        opened.join();
        return current;
    }

    /** The store now, or null while the first one opens (for health checks, which must not wait). */
    SubscriptionEventStore getIfOpen() {
        return opened.isDone() && !opened.isCompletedExceptionally() ? current : null;
    }

    /**
     * Why the store cannot take writes now, if it cannot: the embedded MongoDB's own failure (its file cannot be
     * written), else the last save's failure within the last minute.
     */
    Optional<String> writeFailure() {
        Optional<String> embedded = embeddedMongo().flatMap(EmbeddedMongoServer::failure);
        RetirableStore now = opened.isDone() && !opened.isCompletedExceptionally() ? current : null;
        return embedded.or(() -> now == null ? Optional.empty() : now.recentWriteFailure());
    }

    Optional<EmbeddedMongoServer> embeddedMongo() {
        return Optional.ofNullable(embeddedMongo);
    }

    /**
     * Applies Connect's variables: when they change the storage settings, the next call goes to a new store and the
     * old one retires. An invalid value is logged and the current store stays.
     */
    void reconfigure(Map<String, String> connectVariables) {
        get(); // the first store is open before anything replaces it (and waiting must not hold the lock open needs)
        StorageSettings next;
        try {
            next = StorageSettings.from(config, baseOverrides, connectVariables);
        } catch (InvalidSettingException e) {
            LOG.log(Level.ERROR, "Connect sent an invalid storage setting, keeping {0}: {1}", current.describe(), e.getMessage());
            return;
        }
        synchronized (this) {
            if (next.equals(settings)) {
                return;
            }
            RetirableStore previous = current;
            RetirableStore replacement = new RetirableStore(open(next));
            current = replacement;
            settings = next;
            LOG.log(Level.INFO, "Storage reconfigured from Connect: {0} (was {1})", replacement.describe(), previous.describe());
            previous.retire(next.operationTimeout());
        }
    }

    private synchronized SubscriptionEventStore open(StorageSettings storage) {
        SubscriptionEventStore store = switch (storage.adapter()) {
            case DRIVER -> MongoDriverSubscriptionEventStore.open(storage.driverSettings(connectionString(storage)));
            case HTTP -> DataApiSubscriptionEventStore.open(storage.dataApi().orElseThrow());
        };
        toClose.push(store);
        return store;
    }

    /** The connection string of the storage settings' MongoDB, starting the embedded one if that is it. */
    synchronized String connectionString(StorageSettings storage) {
        return switch (storage.target()) {
            case ExternalMongo external -> external.connectionString();
            case EmbeddedMongo embedded -> embeddedMongo(embedded).connectionString();
        };
    }

    private EmbeddedMongoServer embeddedMongo(EmbeddedMongo embedded) {
        if (embeddedMongo != null) {
            return embeddedMongo;
        }
        try {
            embeddedMongo = EmbeddedMongoServer.startPersistent("127.0.0.1", embedded.port(), embedded.dataDirectory());
        } catch (EmbeddedMongoServer.PortInUseException e) {
            throw new StartupException("the embedded MongoDB cannot listen on 127.0.0.1:" + embedded.port()
                    + ", which is already in use (by a MongoDB, or another connectx?). Set "
                    + StorageSettings.EMBEDDED_PORT + " to a free port, or " + StorageSettings.MONGODB_URI
                    + " to use the MongoDB that is there.", e);
        } catch (RuntimeException e) {
            throw new StartupException("the embedded MongoDB cannot start with its data in "
                    + embedded.dataDirectory().toAbsolutePath() + " (" + StorageSettings.DATA_DIR + "): " + e.getMessage(), e);
        }
        toClose.addLast(embeddedMongo); // closed after every store
        LOG.log(Level.INFO, "Started the {0}", embeddedMongo);
        return embeddedMongo;
    }

    /** Closes every store opened, then the embedded MongoDB. */
    @Override
    public synchronized void close() {
        Resources.closeAll(toClose);
    }
}
