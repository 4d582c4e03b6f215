package dev.connectx.bootstrap;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the app's embedded MongoDB holds, counted from outside the app. */
final class StoredEvents {

    private StoredEvents() {}

    /** Documents in {@code connectx.driver_data}. */
    static long count(ConnectxApp app) {
        return count(app, "driver_data");
    }

    /** The documents in {@code connectx.driver_data}, as the embedded MongoDB keeps them. */
    static List<Document> documents(ConnectxApp app) {
        try (MongoClient client =
                MongoClients.create(app.embeddedMongo().orElseThrow().connectionString())) {
            return Flux.from(client.getDatabase("connectx")
                            .getCollection("driver_data")
                            .find())
                    .collectList()
                    .block(Duration.ofSeconds(10));
        }
    }

    /** Documents in {@code connectx.<collection>}. */
    static long count(ConnectxApp app, String collection) {
        try (MongoClient client =
                MongoClients.create(app.embeddedMongo().orElseThrow().connectionString())) {
            return Mono.from(client.getDatabase("connectx")
                            .getCollection(collection)
                            .countDocuments())
                    .block(Duration.ofSeconds(10));
        }
    }
}
