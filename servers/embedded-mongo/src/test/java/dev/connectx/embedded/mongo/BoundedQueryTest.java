package dev.connectx.embedded.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Sorted, limited queries of the embedded server return what MongoDB would, while keeping only the top documents,
 * projected as they are read: the order, skip, limit and projection of mongo-java-server's own path.
 */
class BoundedQueryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void a_sorted_limited_projected_query_answers_as_mongodb_does(@TempDir Path dataDir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("connectx").getCollection("events");
            Flux.range(0, 30)
                    .concatMap(i -> events.insertOne(new Document("_id", "k%02d".formatted(i))
                            .append("request_id", i % 3 == 0 ? "A" : "B")
                            .append("updated", (i * 7) % 30)
                            .append("request", new Document("blob", "x".repeat(64 * 1024)))))
                    .blockLast(WAIT);

            List<Document> newest = Flux.from(events.find(Filters.eq("request_id", "A"))
                            .projection(Projections.exclude("request"))
                            .sort(Sorts.descending("updated", "_id"))
                            .limit(3))
                    .collectList()
                    .block(WAIT);
            List<Document> skipped = Flux.from(events.find()
                            .sort(Sorts.ascending("updated", "_id"))
                            .skip(2)
                            .limit(2))
                    .collectList()
                    .block(WAIT);
            List<Document> included = Flux.from(events.find()
                            .projection(Projections.include("updated"))
                            .sort(Sorts.ascending("updated"))
                            .limit(1))
                    .collectList()
                    .block(WAIT);

            assertEquals(
                    List.of(27, 24, 21),
                    newest.stream()
                            .map(document -> document.getInteger("updated"))
                            .toList());
            assertTrue(newest.stream()
                    .allMatch(document -> !document.containsKey("request") && document.containsKey("request_id")));
            assertEquals(
                    List.of(2, 3),
                    skipped.stream()
                            .map(document -> document.getInteger("updated"))
                            .toList());
            assertTrue(skipped.getFirst().containsKey("request"), "no projection: whole documents");
            assertEquals(
                    Document.parse("{\"_id\": \"k00\", \"updated\": 0}"),
                    included.getFirst(),
                    "other projections as before");
            assertFalse(Flux.from(events.find().sort(Sorts.ascending("updated")).limit(100))
                    .collectList()
                    .block(WAIT)
                    .isEmpty());
        }
    }
}
