package dev.connectx.bootstrap.store;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.connectx.adapters.mongo.driver.MongoDriverBackfillCheckpointStore;
import dev.connectx.adapters.mongo.driver.MongoDriverSettings;
import dev.connectx.adapters.mongo.driver.MongoDriverSubscriptionEventStore;
import dev.connectx.adapters.mongo.driver.SharedMongoClient;
import dev.connectx.adapters.mongo.http.DataApiBackfillCheckpointStore;
import dev.connectx.adapters.mongo.http.DataApiSubscriptionEventStore;
import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.bootstrap.config.SettingKey;
import dev.connectx.bootstrap.config.StorageSettings;
import dev.connectx.bootstrap.config.StorageSettings.EmbeddedMongo;
import dev.connectx.bootstrap.config.StorageSettings.ExternalMongo;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.proxy.ProxyRules;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the stores that storage settings name, and owns what they share: the embedded MongoDB, and one MongoDB client
 * per MongoDB, which the driver stores on it and connectx's Data API server use together.
 *
 * <p>Nothing starts as a side effect: {@link #startMongo} starts the embedded MongoDB (when the settings name it) and
 * the client; {@link #open} does the same for a store that needs them and they are not running yet (a driver store
 * after Connect switched from http). {@link #close()} stops both, after every store is closed.
 */
public final class StoreOpener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreOpener.class.getName());

    private final ProxyRules proxies;
    private EmbeddedMongoServer embeddedMongo;
    private final List<SharedMongoClient> clients = new ArrayList<>();
    private final List<SharedMongoClient> held = new ArrayList<>();

    /** @param proxies the proxy rules a Data API store reaches its endpoint by */
    public StoreOpener(ProxyRules proxies) {
        this.proxies = java.util.Objects.requireNonNull(proxies, "proxies");
    }

    /** An opener whose Data API stores reach their endpoints directly. */
    public StoreOpener() {
        this(ProxyRules.NONE);
    }

    /**
     * Starts the settings' MongoDB (the embedded one, if that is it) and its client, and keeps a hold on the client
     * until this closes.
     *
     * @throws CannotOpenStoreException when the embedded MongoDB cannot start (its port is taken, its directory unusable)
     */
    public synchronized MongoClient startMongo(StorageSettings storage) {
        SharedMongoClient client = client(storage.driverSettings(connectionString(storage)));
        MongoClient held = client.hold();
        this.held.add(client);
        return held;
    }

    /**
     * Opens a store: a driver store on the shared client of its MongoDB, or a Data API store.
     *
     * @throws CannotOpenStoreException when the embedded MongoDB cannot start
     */
    public synchronized SubscriptionEventStore open(StorageSettings storage) {
        return switch (storage.adapter()) {
            case DRIVER -> {
                MongoDriverSettings settings = storage.driverSettings(connectionString(storage));
                yield MongoDriverSubscriptionEventStore.open(settings, client(settings));
            }
            case HTTP -> DataApiSubscriptionEventStore.open(storage.dataApi().orElseThrow(), proxies);
        };
    }

    /**
     * Opens the backfill's checkpoint store beside the events' store of the same settings: in the same database, on the
     * same shared client or Data API.
     *
     * @throws CannotOpenStoreException when the embedded MongoDB cannot start
     */
    public synchronized BackfillCheckpointStore openCheckpoints(StorageSettings storage) {
        return switch (storage.adapter()) {
            case DRIVER -> {
                MongoDriverSettings settings = storage.driverSettings(connectionString(storage));
                yield MongoDriverBackfillCheckpointStore.open(settings, client(settings));
            }
            case HTTP -> DataApiBackfillCheckpointStore.open(storage.dataApi().orElseThrow(), proxies);
        };
    }

    /** The embedded MongoDB, when one was started. */
    public synchronized Optional<EmbeddedMongoServer> embeddedMongo() {
        return Optional.ofNullable(embeddedMongo);
    }

    /** MongoDB clients open now, of stores or of this opener. */
    synchronized int openClients() {
        clients.removeIf(SharedMongoClient::isClosed);
        return clients.size();
    }

    private SharedMongoClient client(MongoDriverSettings settings) {
        clients.removeIf(SharedMongoClient::isClosed);
        return clients.stream()
                .filter(client -> client.serves(settings))
                .findFirst()
                .orElseGet(() -> {
                    SharedMongoClient created = SharedMongoClient.create(settings);
                    clients.add(created);
                    return created;
                });
    }

    private String connectionString(StorageSettings storage) {
        return switch (storage.target()) {
            case ExternalMongo external -> external.connectionString();
            case EmbeddedMongo embedded -> startEmbedded(embedded).connectionString();
        };
    }

    private EmbeddedMongoServer startEmbedded(EmbeddedMongo embedded) {
        if (embeddedMongo != null) {
            return embeddedMongo;
        }
        try {
            embeddedMongo = EmbeddedMongoServer.startPersistent("127.0.0.1", embedded.port(), embedded.dataDirectory());
        } catch (EmbeddedMongoServer.PortInUseException e) {
            throw new CannotOpenStoreException(
                    "the embedded MongoDB cannot listen on 127.0.0.1:" + embedded.port()
                            + ", which is already in use (by a MongoDB, or another connectx?). Set "
                            + SettingKey.CONNECTX_MONGO_EMBEDDED_PORT + " to a free port, or " + SettingKey.MONGODB_URI
                            + " to use the MongoDB that is there.",
                    e);
        } catch (RuntimeException e) {
            throw new CannotOpenStoreException(
                    "the embedded MongoDB cannot start with its data in "
                            + embedded.dataDirectory().toAbsolutePath() + " (" + SettingKey.CONNECTX_DATA_DIR + "): "
                            + e.getMessage(),
                    e);
        }
        LOG.log(
                Level.INFO,
                "Started the {0}; data in {1} ({2}, relative to the directory connectx was started from)",
                embeddedMongo,
                embedded.dataDirectory().toAbsolutePath().normalize(),
                SettingKey.CONNECTX_DATA_DIR);
        return embeddedMongo;
    }

    /** Releases the clients this holds, then stops the embedded MongoDB; stores are closed by whoever holds them. */
    @Override
    public synchronized void close() {
        held.forEach(SharedMongoClient::release);
        held.clear();
        if (embeddedMongo != null) {
            embeddedMongo.close();
        }
    }
}
