package dev.connectx.adapters.mongo.driver;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import org.bson.BsonDocument;
import reactor.core.publisher.Mono;

/** Writes documents connectx did not write straight into a collection, for the contract's foreign-document test. */
final class ForeignDocuments {

    private ForeignDocuments() {}

    static void insert(String connectionString, String database, String collection, String extendedJson) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            Mono.from(client.getDatabase(database)
                            .getCollection(collection, BsonDocument.class)
                            .insertOne(BsonDocument.parse(extendedJson)))
                    .block(Duration.ofSeconds(20));
        }
    }
}
