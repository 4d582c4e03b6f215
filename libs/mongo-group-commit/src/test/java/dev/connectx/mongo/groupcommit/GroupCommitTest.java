package dev.connectx.mongo.groupcommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Group commit on a real (embedded) MongoDB, counting the insert commands that reach it. */
class GroupCommitTest {

    private final AtomicInteger insertCommands = new AtomicInteger();
    private EmbeddedMongoServer server;
    private int port;
    private MongoClient client;
    private MongoCollection<BsonDocument> collection;
    private GroupCommit groupCommit;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        port = server.address().getPort();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("insert")) {
                            insertCommands.incrementAndGet();
                        }
                    }
                })
                .build());
        collection = client.getDatabase("connectx").getCollection("group_commit", BsonDocument.class);
        groupCommit = new GroupCommit(collection, 1);
    }

    @AfterEach
    void stop() {
        groupCommit.close();
        client.close();
        server.close();
    }

    @Test
    void concurrent_inserts_share_commands_and_each_is_answered_stored() throws Exception {
        List<CompletableFuture<Inserted>> results = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            results.add(groupCommit.insert(document("event-" + i)));
        }

        for (CompletableFuture<Inserted> result : results) {
            assertEquals(Inserted.NEW, result.get(30, TimeUnit.SECONDS));
        }
        assertEquals(500L, Mono.from(collection.countDocuments()).block());
        assertTrue(insertCommands.get() < 500 / 2, "500 inserts in " + insertCommands.get() + " commands");
    }

    @Test
    void a_lone_insert_goes_at_once() throws Exception {
        long started = System.nanoTime();

        assertEquals(Inserted.NEW, groupCommit.insert(document("alone")).get(30, TimeUnit.SECONDS));

        assertEquals(1, insertCommands.get());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void duplicates_in_one_batch_and_against_the_collection_are_already_stored_and_the_rest_stored() throws Exception {
        assertEquals(Inserted.NEW, groupCommit.insert(document("kept-before")).get(30, TimeUnit.SECONDS));
        List<CompletableFuture<Inserted>> results = new ArrayList<>();
        for (String id : List.of("a", "kept-before", "b", "a", "c")) {
            results.add(groupCommit.insert(document(id)));
        }

        Map<Inserted, Long> answers = results.stream()
                .map(CompletableFuture::join)
                .collect(Collectors.groupingBy(result -> result, Collectors.counting()));

        assertEquals(Map.of(Inserted.NEW, 3L, Inserted.DUPLICATE_ID, 2L), answers);
        assertEquals(4L, Mono.from(collection.countDocuments()).block());
    }

    @Test
    void an_insert_withdrawn_before_it_was_sent_is_not_written() throws Exception {
        server.close();
        // A client that has never reached the server waits in server selection: the first batch is held there,
        // and the next insert queues behind it.
        try (MongoClient waiting = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(60, TimeUnit.SECONDS))
                        .build());
                GroupCommit patient = new GroupCommit(
                        waiting.getDatabase("connectx").getCollection("group_commit", BsonDocument.class), 1)) {
            CompletableFuture<Inserted> first = patient.insert(document("first"));
            Thread.sleep(300);
            CompletableFuture<Inserted> withdrawn = patient.insert(document("withdrawn"));
            withdrawn.cancel(false);
            server = EmbeddedMongoServer.startInMemory("127.0.0.1", port);

            assertEquals(Inserted.NEW, first.get(60, TimeUnit.SECONDS));
            assertEquals(Inserted.NEW, patient.insert(document("next")).get(60, TimeUnit.SECONDS));
            try (MongoClient reader = MongoClients.create(server.connectionString())) {
                assertEquals(
                        List.of("first", "next"),
                        Flux.from(reader.getDatabase("connectx")
                                        .getCollection("group_commit", BsonDocument.class)
                                        .find())
                                .map(d -> d.getString("_id").getValue())
                                .collectList()
                                .block());
            }
        }
    }

    @Test
    void closing_while_batches_wait_for_mongodb_fails_every_insert_not_yet_sent() throws Exception {
        server.close();
        try (MongoClient waiting = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(60, TimeUnit.SECONDS))
                .build())) {
            GroupCommit closing = new GroupCommit(
                    waiting.getDatabase("connectx").getCollection("group_commit", BsonDocument.class), 1);
            closing.insert(document("in flight"));
            Thread.sleep(300);
            CompletableFuture<Inserted> waitingForPermit = closing.insert(document("waiting for a permit"));
            Thread.sleep(300);
            CompletableFuture<Inserted> queued = closing.insert(document("queued"));

            closing.close();

            assertTrue(waitingForPermit
                    .handle((result, failure) -> failure != null)
                    .get(10, TimeUnit.SECONDS));
            assertTrue(queued.handle((result, failure) -> failure != null).get(10, TimeUnit.SECONDS));
        }
        server = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
    }

    @Test
    void inserts_after_close_fail_as_unavailable() {
        groupCommit.close();

        CompletableFuture<Inserted> result = groupCommit.insert(document("late"));

        assertTrue(result.isCompletedExceptionally());
    }

    private static RawBsonDocument document(String id) {
        return RawBsonDocument.parse(new BsonDocument("_id", new BsonString(id))
                .append("payload", new BsonString("x".repeat(200)))
                .toJson());
    }
}
