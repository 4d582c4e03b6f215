package dev.connectx.bootstrap;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** What the app's embedded MongoDB holds, counted from outside the app. */
final class StoredEvents {

    private StoredEvents() {}

    /** Documents in {@code connectx.driver_data}. */
    static long count(ConnectxApp app) {
        return count(app, "driver_data");
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
