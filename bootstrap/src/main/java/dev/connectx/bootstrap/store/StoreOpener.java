package dev.connectx.bootstrap.store;

import dev.connectx.adapters.mongo.driver.MongoDriverSubscriptionEventStore;
import dev.connectx.adapters.mongo.http.DataApiSubscriptionEventStore;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.bootstrap.config.StorageSettings;
import dev.connectx.bootstrap.config.StorageSettings.EmbeddedMongo;
import dev.connectx.bootstrap.config.StorageSettings.ExternalMongo;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Opens the store the storage settings name: the driver store or the Data API store. When the settings name the
 * embedded MongoDB, it is started the first time it is needed and kept until this closes.
 */
public final class StoreOpener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreOpener.class.getName());

    private volatile EmbeddedMongoServer embeddedMongo;

    /**
     * Opens a store.
     *
     * @throws CannotOpenStoreException when the embedded MongoDB cannot start (its port is taken, its directory unusable)
     */
    public synchronized SubscriptionEventStore open(StorageSettings storage) {
        return switch (storage.adapter()) {
            case DRIVER -> MongoDriverSubscriptionEventStore.open(storage.driverSettings(connectionString(storage)));
            case HTTP -> DataApiSubscriptionEventStore.open(storage.dataApi().orElseThrow());
        };
    }

    /** The connection string of the storage settings' MongoDB, starting the embedded one if that is it. */
    public synchronized String connectionString(StorageSettings storage) {
        return switch (storage.target()) {
            case ExternalMongo external -> external.connectionString();
            case EmbeddedMongo embedded -> embeddedMongo(embedded).connectionString();
        };
    }

    /** The embedded MongoDB, when one was started. */
    public Optional<EmbeddedMongoServer> embeddedMongo() {
        return Optional.ofNullable(embeddedMongo);
    }

    private EmbeddedMongoServer embeddedMongo(EmbeddedMongo embedded) {
        if (embeddedMongo != null) {
            return embeddedMongo;
        }
        try {
            embeddedMongo = EmbeddedMongoServer.startPersistent("127.0.0.1", embedded.port(), embedded.dataDirectory());
        } catch (EmbeddedMongoServer.PortInUseException e) {
            throw new CannotOpenStoreException("the embedded MongoDB cannot listen on 127.0.0.1:" + embedded.port()
                    + ", which is already in use (by a MongoDB, or another connectx?). Set "
                    + StorageSettings.EMBEDDED_PORT + " to a free port, or " + StorageSettings.MONGODB_URI
                    + " to use the MongoDB that is there.", e);
        } catch (RuntimeException e) {
            throw new CannotOpenStoreException("the embedded MongoDB cannot start with its data in "
                    + embedded.dataDirectory().toAbsolutePath() + " (" + StorageSettings.DATA_DIR + "): " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "Started the {0}", embeddedMongo);
        return embeddedMongo;
    }

    /** Stops the embedded MongoDB, if one was started; stores are closed by whoever holds them. */
    @Override
    public synchronized void close() {
        if (embeddedMongo != null) {
            embeddedMongo.close();
        }
    }
}
