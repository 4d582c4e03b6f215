package dev.connectx.bootstrap.config;

import dev.connectx.adapters.connect.runtime.ConnectVariable;
import dev.connectx.adapters.mongo.driver.ConnectionStrings;
import dev.connectx.adapters.mongo.http.DataApiSettings;
import dev.connectx.adapters.mongo.driver.MongoDriverSettings;
import io.helidon.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where events are kept: a MongoDB named by {@code MONGODB_URI} or by the original example's {@code DB_HOST},
 * {@code DB_USER} and {@code DB_PASSWORD}; or, when neither is set, the embedded MongoDB-speaking server.
 *
 * @param adapter which store keeps the events ({@code STORAGE_ADAPTER}: driver, the default, or http)
 * @param target the MongoDB the driver store (and connectx's own Data API server) use
 * @param database {@code DB}
 * @param collection {@code DRIVER_COLLECTION}
 * @param serverSelectionTimeout {@code CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT}
 * @param operationTimeout {@code CONNECTX_STORE_TIMEOUT}
 * @param dataApi the Data API store's settings, when {@code adapter} is http
 */
public record StorageSettings(
        StorageAdapter adapter,
        MongoTarget target,
        String database,
        String collection,
        Duration serverSelectionTimeout,
        Duration operationTimeout,
        Optional<DataApiSettings> dataApi) {

    /** Which store keeps the events ({@code STORAGE_ADAPTER}). */
    public enum StorageAdapter {
        /** The MongoDB Reactive Streams driver. */
        DRIVER,
        /** The MongoDB HTTP Data API. */
        HTTP;

        static StorageAdapter parse(String value) {
            for (StorageAdapter adapter : values()) {
                if (adapter.name().equalsIgnoreCase(value)) {
                    return adapter;
                }
            }
            throw new InvalidSettingException(STORAGE_ADAPTER, "'" + value + "' is not one of driver, http");
        }
    }

    public static final String STORAGE_ADAPTER = "STORAGE_ADAPTER";
    public static final String DATA_API_ENDPOINT = "DATA_API_ENDPOINT";
    public static final String DATA_API_KEY = "DATA_API_KEY";
    /** Connect's variable for the Data API key, as the original example names it; never the process's API_KEY. */
    public static final String CONNECT_DATA_API_KEY = "API_KEY";
    public static final String DATA_API_KEY_HEADER = "DATA_API_KEY_HEADER";
    public static final String HTTP_COLLECTION = "HTTP_COLLECTION";
    public static final String CLUSTER = "CLUSTER";
    public static final String MONGODB_URI = "MONGODB_URI";
    public static final String DB_HOST = "DB_HOST";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String DB = "DB";
    public static final String DRIVER_COLLECTION = "DRIVER_COLLECTION";
    public static final String EMBEDDED_PORT = "CONNECTX_MONGO_EMBEDDED_PORT";
    public static final String DATA_DIR = "CONNECTX_DATA_DIR";
    public static final String SERVER_SELECTION_TIMEOUT = "CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT";
    public static final String STORE_TIMEOUT = "CONNECTX_STORE_TIMEOUT";
    public static final String DATA_API_ALLOW_HTTP = "CONNECTX_DATA_API_ALLOW_HTTP";

    public static final String DEFAULT_DATABASE = MongoDriverSettings.DEFAULT_DATABASE;
    public static final int DEFAULT_EMBEDDED_PORT = 27017;
    public static final String DEFAULT_DATA_DIR = "./data";

    /** The MongoDB the driver store talks to. */
    public sealed interface MongoTarget {
    }

    /** A MongoDB run elsewhere; the connection string may hold a password and is printed redacted. */
    public record ExternalMongo(String connectionString, String source) implements MongoTarget {
        @Override
        public String toString() {
            return "ExternalMongo[" + ConnectionStrings.redact(connectionString) + " from " + source + "]";
        }
    }

    /** The embedded server, started by connectx on loopback, keeping its file under {@code dataDirectory}. */
    public record EmbeddedMongo(int port, Path dataDirectory) implements MongoTarget {
    }

    /**
     * Reads and checks the storage settings, so that a malformed connection string or name fails here, at start.
     *
     * @throws InvalidSettingException naming the key of a missing or malformed value
     */
    public static StorageSettings from(Config config) {
        return from(config, Map.of(), Map.of());
    }

    /**
     * Reads the storage settings: Connect's configuration variables over local mode's settings over the environment
     * and the file.
     *
     * @param localOverrides settings connectx makes for itself in local mode (its own Data API server)
     * @param connectVariables the variables of the latest {@code setup_response}; empty at start
     * @throws InvalidSettingException naming the key of a missing or malformed value
     */
    public static StorageSettings from(Config config, Map<String, String> localOverrides, Map<String, String> connectVariables) {
        Map<String, String> overrides = new java.util.HashMap<>(localOverrides);
        connectVariables.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                overrides.put(key, value);
            }
        });
        Settings settings = new Settings(config, overrides);
        Settings environment = new Settings(config, localOverrides);
        StorageAdapter adapter = settings.text(STORAGE_ADAPTER).map(StorageAdapter::parse).orElse(StorageAdapter.DRIVER);
        String database = settings.text(DB, MongoDriverSettings.DEFAULT_DATABASE);
        Duration operationTimeout = settings.duration(STORE_TIMEOUT, MongoDriverSettings.DEFAULT_OPERATION_TIMEOUT);
        Optional<DataApiSettings> dataApi = adapter == StorageAdapter.HTTP
                ? Optional.of(DataApiStoreSettings.from(settings, environment, connectVariables, database, operationTimeout)) : Optional.empty();
        StorageSettings storage = new StorageSettings(
                adapter,
                target(settings),
                database,
                settings.text(DRIVER_COLLECTION, MongoDriverSettings.DEFAULT_COLLECTION),
                settings.duration(SERVER_SELECTION_TIMEOUT, MongoDriverSettings.DEFAULT_SERVER_SELECTION_TIMEOUT),
                operationTimeout,
                dataApi);
        storage.driverSettings(switch (storage.target()) {
            case ExternalMongo external -> external.connectionString();
            case EmbeddedMongo embedded -> "mongodb://127.0.0.1"; // its port is known once it listens
        });
        return storage;
    }

    private static MongoTarget target(Settings settings) {
        var uri = settings.text(MONGODB_URI);
        if (uri.isPresent()) {
            return new ExternalMongo(uri.get(), MONGODB_URI);
        }
        var host = settings.text(DB_HOST);
        if (host.isPresent()) {
            try {
                return new ExternalMongo(ConnectionStrings.forAtlasHost(host.get(), settings.text(DB_USER).orElse(null),
                        settings.text(DB_PASSWORD).orElse(null)), DB_HOST + "/" + DB_USER + "/" + DB_PASSWORD);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(DB_HOST, e.getMessage());
            }
        }
        return new EmbeddedMongo(settings.port(EMBEDDED_PORT, DEFAULT_EMBEDDED_PORT), Path.of(settings.text(DATA_DIR, DEFAULT_DATA_DIR)));
    }

    /**
     * The storage variables connectx declares to Connect, which creates missing ones with these initial values:
     * the current values of plain ones (so that declaring changes nothing), and empty secrets (an empty variable
     * counts as unset, and connectx never sends a secret of its environment to Connect).
     */
    public static List<ConnectVariable> declaredVariables(Config config) {
        Settings settings = new Settings(config);
        return List.of(
                new ConnectVariable(STORAGE_ADAPTER, settings.text(STORAGE_ADAPTER, "driver"), false),
                new ConnectVariable(MONGODB_URI, "", true),
                new ConnectVariable(DB_HOST, settings.text(DB_HOST, ""), false),
                new ConnectVariable(DB_USER, settings.text(DB_USER, ""), false),
                new ConnectVariable(DB_PASSWORD, "", true),
                new ConnectVariable(DB, settings.text(DB, MongoDriverSettings.DEFAULT_DATABASE), false),
                new ConnectVariable(DRIVER_COLLECTION, settings.text(DRIVER_COLLECTION, MongoDriverSettings.DEFAULT_COLLECTION), false),
                new ConnectVariable(DATA_API_ENDPOINT, settings.text(DATA_API_ENDPOINT, ""), false),
                new ConnectVariable(CONNECT_DATA_API_KEY, "", true),
                new ConnectVariable(HTTP_COLLECTION, settings.text(HTTP_COLLECTION, DataApiSettings.DEFAULT_COLLECTION), false),
                new ConnectVariable(CLUSTER, settings.text(CLUSTER, DataApiSettings.DEFAULT_DATA_SOURCE), false));
    }

    /** The driver store's settings, given the connection string of the MongoDB actually used. */
    public MongoDriverSettings driverSettings(String connectionString) {
        String source = target instanceof ExternalMongo external ? external.source() : EMBEDDED_PORT;
        MongoDriverSettings connection = checked(source, () -> MongoDriverSettings.of(connectionString));
        MongoDriverSettings inDatabase = checked(DB, () -> connection.withDatabase(database));
        return checked(DRIVER_COLLECTION, () -> inDatabase.withCollection(collection))
                .withTimeouts(serverSelectionTimeout, operationTimeout);
    }

    private static MongoDriverSettings checked(String key, Supplier<MongoDriverSettings> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage());
        }
    }
}
