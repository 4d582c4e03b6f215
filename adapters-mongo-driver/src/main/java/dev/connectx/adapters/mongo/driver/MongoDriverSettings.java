package dev.connectx.adapters.mongo.driver;

import com.mongodb.ConnectionString;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the driver store keeps events.
 *
 * @param connectionString any MongoDB connection string; it may hold a password, so {@link #toString()} redacts it
 * @param database the database ({@code DB})
 * @param collection the collection ({@code DRIVER_COLLECTION})
 * @param serverSelectionTimeout how long to look for a usable server before a call fails (5 s, as the original example)
 * @param operationTimeout the most any one store call may take, end to end
 */
public record MongoDriverSettings(
        String connectionString,
        String database,
        String collection,
        Duration serverSelectionTimeout,
        Duration operationTimeout) {

    public static final String DEFAULT_DATABASE = "connectx";
    public static final String DEFAULT_COLLECTION = "driver_data";
    public static final Duration DEFAULT_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(10);

    public MongoDriverSettings {
        requireConnectionString(connectionString);
        requireDatabase(database);
        requireCollection(collection);
        requirePositive("serverSelectionTimeout", serverSelectionTimeout);
        requirePositive("operationTimeout", operationTimeout);
    }

    /**
     * @return the connection string
     * @throws IllegalArgumentException when it is not a MongoDB connection string; the message never quotes it
     */
    public static String requireConnectionString(String connectionString) {
        Objects.requireNonNull(connectionString, "connectionString");
        if (!connectionString.startsWith("mongodb://") && !connectionString.startsWith("mongodb+srv://")) {
            // Only the scheme is quoted: the rest may hold a password.
            int schemeEnd = connectionString.indexOf("://");
            String scheme =
                    schemeEnd < 0 ? "(no scheme)" : connectionString.substring(0, Math.min(schemeEnd, 20)) + "://";
            throw new IllegalArgumentException(
                    "a MongoDB connection string starts with mongodb:// or mongodb+srv://, not " + scheme);
        }
        try {
            new ConnectionString(connectionString);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the MongoDB connection string is malformed: " + ConnectionStrings.redact(e.getMessage()));
        }
        return connectionString;
    }

    /** @throws IllegalArgumentException when MongoDB would refuse it as a database name */
    public static String requireDatabase(String name) {
        return requireName("database", name);
    }

    /** @throws IllegalArgumentException when MongoDB would refuse it as a collection name, or it is a system one */
    public static String requireCollection(String name) {
        return requireName("collection", name);
    }

    /** Settings with the defaults for everything but the connection string. */
    public static MongoDriverSettings of(String connectionString) {
        return new MongoDriverSettings(
                connectionString,
                DEFAULT_DATABASE,
                DEFAULT_COLLECTION,
                DEFAULT_SERVER_SELECTION_TIMEOUT,
                DEFAULT_OPERATION_TIMEOUT);
    }

    public MongoDriverSettings withDatabase(String value) {
        return new MongoDriverSettings(connectionString, value, collection, serverSelectionTimeout, operationTimeout);
    }

    public MongoDriverSettings withCollection(String value) {
        return new MongoDriverSettings(connectionString, database, value, serverSelectionTimeout, operationTimeout);
    }

    public MongoDriverSettings withTimeouts(Duration serverSelection, Duration operation) {
        return new MongoDriverSettings(connectionString, database, collection, serverSelection, operation);
    }

    private static String requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.contains("\0")
                || value.startsWith("system.")
                || ("database".equals(what) && value.matches(".*[/\\\\. \"$].*"))) {
            throw new IllegalArgumentException(
                    what + " '" + value.replace("\0", "\\0") + "' is not a valid MongoDB " + what + " name");
        }
        return value;
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    @Override
    public String toString() {
        return "MongoDriverSettings[connectionString=" + ConnectionStrings.redact(connectionString) + ", database="
                + database
                + ", collection=" + collection + ", serverSelectionTimeout=" + serverSelectionTimeout
                + ", operationTimeout=" + operationTimeout + "]";
    }
}
