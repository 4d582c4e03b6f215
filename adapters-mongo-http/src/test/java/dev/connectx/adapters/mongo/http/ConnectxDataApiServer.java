package dev.connectx.adapters.mongo.http;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * connectx's own Data API server on loopback, in front of an in-memory embedded MongoDB, serving database
 * {@code connectx} to one key: what the contract tests of the Data API stores run against.
 */
final class ConnectxDataApiServer implements AutoCloseable {

    static final String KEY = "contract-key";

    private final EmbeddedMongoServer mongo;
    private final MongoClient client;
    private final WebServer server;

    private ConnectxDataApiServer() {
        mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register(
                        new DataApiService(client, Set.of(KEY), Set.of("connectx"), Duration.ofSeconds(10))))
                .build()
                .start();
    }

    static ConnectxDataApiServer start() {
        return new ConnectxDataApiServer();
    }

    /** A client straight to the MongoDB behind the server. */
    MongoClient mongoClient() {
        return client;
    }

    /** Settings for a store on this server: database {@code connectx}, the given collection. */
    DataApiSettings settings(String collection) {
        return new DataApiSettings(
                URI.create("http://127.0.0.1:" + server.port() + "/app/data-abcde/endpoint/data/v1"),
                KEY,
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                collection,
                Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        server.stop();
        client.close();
        mongo.close();
    }
}
