package dev.connectx.adapters.mongo.driver;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One MongoDB client (its connection pool and monitoring threads), shared by whoever holds it: stores on the same
 * MongoDB, and connectx's own Data API server. Each holder {@linkplain #hold() takes a hold} and {@linkplain #release()
 * releases} it; the client closes when the last hold is released.
 */
public final class SharedMongoClient {

    private final String connectionString;
    private final Duration serverSelectionTimeout;
    private final MongoClient client;
    private int holds;
    private boolean closed;

    private SharedMongoClient(String connectionString, Duration serverSelectionTimeout) {
        this.connectionString = connectionString;
        this.serverSelectionTimeout = serverSelectionTimeout;
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(cluster ->
                        cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applicationName("connectx")
                .build());
    }

    /** A client for the settings' MongoDB, held by nobody yet. */
    public static SharedMongoClient create(MongoDriverSettings settings) {
        return new SharedMongoClient(settings.connectionString(), settings.serverSelectionTimeout());
    }

    /** Whether stores with {@code settings} can use this client: same connection string, same server selection. */
    public boolean serves(MongoDriverSettings settings) {
        return connectionString.equals(settings.connectionString())
                && serverSelectionTimeout.equals(settings.serverSelectionTimeout());
    }

    /**
     * Takes a hold on the client.
     *
     * @throws IllegalStateException when the last hold was released already
     */
    public synchronized MongoClient hold() {
        if (closed) {
            throw new IllegalStateException("this MongoDB client is closed");
        }
        holds++;
        return client;
    }

    /** Gives a hold back; the last one closes the client. */
    public synchronized void release() {
        if (closed || --holds > 0) {
            return;
        }
        closed = true;
        client.close();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "SharedMongoClient[" + ConnectionStrings.redact(connectionString) + "]";
    }
}
