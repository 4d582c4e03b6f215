package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_DATA_DIR;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_MONGO_EMBEDDED_PORT;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_STORE_TIMEOUT;
import static dev.connectx.bootstrap.config.SettingKey.DB;
import static dev.connectx.bootstrap.config.SettingKey.DB_HOST;
import static dev.connectx.bootstrap.config.SettingKey.DB_PASSWORD;
import static dev.connectx.bootstrap.config.SettingKey.DB_USER;
import static dev.connectx.bootstrap.config.SettingKey.DRIVER_COLLECTION;
import static dev.connectx.bootstrap.config.SettingKey.MONGODB_URI;
import static dev.connectx.bootstrap.config.SettingKey.STORAGE_ADAPTER;

import dev.connectx.adapters.connect.runtime.ConnectVariable;
import dev.connectx.adapters.mongo.driver.ConnectionStrings;
import dev.connectx.adapters.mongo.driver.MongoDriverSettings;
import dev.connectx.adapters.mongo.http.DataApiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where events are kept: a MongoDB named by {@code MONGODB_URI} or by the original example's {@code DB_HOST},
 * {@code DB_USER} and {@code DB_PASSWORD}; or, when neither is set, the embedded MongoDB-speaking server. Every value
 * is checked when read, so that a malformed connection string or name fails at start, naming its key.
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
            return Arrays.stream(values())
                    .filter(adapter -> adapter.name().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() ->
                            new InvalidSettingException(STORAGE_ADAPTER, "'" + value + "' is not one of driver, http"));
        }
    }

    /** The MongoDB the driver store talks to. */
    public sealed interface MongoTarget {}

    /** A MongoDB run elsewhere; the connection string may hold a password and is printed redacted. */
    public record ExternalMongo(String connectionString, String source) implements MongoTarget {
        @Override
        public String toString() {
            return "ExternalMongo[" + ConnectionStrings.redact(connectionString) + " from " + source + "]";
        }
    }

    /** The embedded server, started by connectx on loopback, keeping its file under {@code dataDirectory}. */
    public record EmbeddedMongo(int port, Path dataDirectory) implements MongoTarget {}

    /**
     * The storage settings of the environment alone.
     *
     * @throws InvalidSettingException naming the key of a missing or malformed value
     */
    public static StorageSettings from(SettingValues environment) {
        return from(environment, Map.of());
    }

    /**
     * The storage settings with Connect's variables over the environment's (and local mode's) values.
     *
     * @param connectVariables the variables of the latest {@code setup_response}; empty at start
     * @throws InvalidSettingException naming the key of a missing or malformed value
     */
    public static StorageSettings from(SettingValues environment, Map<String, String> connectVariables) {
        SettingValues values = environment.overNamed(connectVariables);
        StorageAdapter adapter = StorageAdapter.parse(values.text(STORAGE_ADAPTER));
        String database = checked(DB, () -> MongoDriverSettings.requireDatabase(values.text(DB)));
        Duration operationTimeout = values.duration(CONNECTX_STORE_TIMEOUT);
        Optional<DataApiSettings> dataApi = adapter == StorageAdapter.HTTP
                ? Optional.of(
                        DataApiStoreSettings.from(values, environment, connectVariables, database, operationTimeout))
                : Optional.empty();
        return new StorageSettings(
                adapter,
                target(values),
                database,
                checked(DRIVER_COLLECTION, () -> MongoDriverSettings.requireCollection(values.text(DRIVER_COLLECTION))),
                values.duration(CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT),
                operationTimeout,
                dataApi);
    }

    private static MongoTarget target(SettingValues values) {
        Optional<String> uri = values.set(MONGODB_URI);
        if (uri.isPresent()) {
            return new ExternalMongo(
                    checked(MONGODB_URI, () -> MongoDriverSettings.requireConnectionString(uri.get())),
                    MONGODB_URI.name());
        }
        Optional<String> host = values.set(DB_HOST);
        if (host.isPresent()) {
            String built = checked(
                    DB_HOST,
                    () -> MongoDriverSettings.requireConnectionString(ConnectionStrings.forAtlasHost(
                            host.get(),
                            values.set(DB_USER).orElse(null),
                            values.set(DB_PASSWORD).orElse(null))));
            return new ExternalMongo(built, DB_HOST + "/" + DB_USER + "/" + DB_PASSWORD);
        }
        return new EmbeddedMongo(values.port(CONNECTX_MONGO_EMBEDDED_PORT), Path.of(values.text(CONNECTX_DATA_DIR)));
    }

    /**
     * The variables connectx declares to Connect ({@link SettingKey#declared()}), which creates missing ones with these
     * initial values.
     */
    public static List<ConnectVariable> declaredVariables(SettingValues environment) {
        return Arrays.stream(SettingKey.values())
                .filter(key -> key.declared() != SettingKey.Declared.NO)
                .map(key -> new ConnectVariable(
                        key.name(),
                        key.declared() == SettingKey.Declared.EMPTY ? "" : environment.text(key),
                        key.isSecret()))
                .toList();
    }

    /** The driver store's settings, given the connection string of the MongoDB actually used. */
    public MongoDriverSettings driverSettings(String connectionString) {
        return new MongoDriverSettings(
                connectionString, database, collection, serverSelectionTimeout, operationTimeout);
    }

    private static String checked(SettingKey key, Supplier<String> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage());
        }
    }
}
