package dev.connectx.embedded.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class EmbeddedMongoServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void keeps_documents_across_a_restart(@TempDir Path dataDir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Mono.from(collection(client).insertOne(new Document("_id", "PR-1/pending").append("n", 1)))
                    .block(WAIT);
        }
        assertTrue(Files.exists(dataDir.resolve(EmbeddedMongoServer.DATA_FILE)));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertEquals(
                    1,
                    Flux.from(collection(client).find())
                            .collectList()
                            .block(WAIT)
                            .size());
        }
    }

    @Test
    void an_acknowledged_write_is_in_the_file_before_the_server_closes(@TempDir Path dataDir) throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            long before = Files.size(dataDir.resolve(EmbeddedMongoServer.DATA_FILE));
            Mono.from(collection(client).insertOne(new Document("_id", "x").append("blob", "b".repeat(64 * 1024))))
                    .block(WAIT);
            // H2 would otherwise write this only on its next background commit, about a second later.
            assertTrue(
                    Files.size(dataDir.resolve(EmbeddedMongoServer.DATA_FILE)) > before + 32 * 1024,
                    "the write reached the file at once");
        }
    }

    @Test
    void a_taken_port_is_refused_clearly() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.startInMemory("127.0.0.1", 0)) {
            int port = first.address().getPort();
            EmbeddedMongoServer.PortInUseException e = assertThrows(
                    EmbeddedMongoServer.PortInUseException.class,
                    () -> EmbeddedMongoServer.startInMemory("127.0.0.1", port));
            assertEquals("127.0.0.1:" + port + " is already in use", e.getMessage());
        }
    }

    @Test
    void inserts_racing_index_creation_on_a_new_collection_all_succeed(@TempDir Path dataDir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            for (int round = 0; round < 20; round++) {
                MongoCollection<Document> collection =
                        client.getDatabase("race").getCollection("c" + round);
                Mono<String> index = Mono.from(collection.createIndex(new Document("k", 1)));
                Flux<Object> inserts = Flux.range(0, 10)
                        .flatMap(i -> Mono.from(collection.insertOne(new Document("_id", i).append("k", i))));
                Flux.merge(index, inserts).blockLast(WAIT);
                assertEquals(10, Flux.from(collection.find()).count().block(WAIT));
            }
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("connectx").getCollection("driver_data");
    }
}
