package dev.connectx.embedded.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Documents are kept as BSON; a file of an earlier version (Java serialization, H2's default, as mongo-java-server's
 * own H2 backend writes it) is moved to BSON at its first open, every document and index intact.
 */
class DocumentFormatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DATA_MAP = "databases.connectx.driver_data";

    @TempDir
    Path dataDir;

    private static List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", "PR-" + i + "/pending")
                    .append("key", "k" + i)
                    .append("n", i)
                    .append("big", (long) i << 40)
                    .append("ratio", i / 7.0)
                    .append("at", new Date(1_700_000_000_000L + i))
                    .append("flag", i % 2 == 0)
                    .append("none", null)
                    .append("oid", new ObjectId(new Date(1_700_000_000_000L), i))
                    .append("bytes", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("price", Decimal128.parse(i + ".25"))
                    .append("nested", new Document("list", List.of("a", i, new Document("deep", "é€😀"))))
                    .append("uuid", new UUID(i, i + 1).toString()));
        }
        return documents;
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("connectx").getCollection("driver_data");
    }

    /** A file as connectx 0.1 before this change, and mongo-java-server's own backend, wrote it. */
    private void writeEarlierFormat(List<Document> documents) {
        MongoServer server = new MongoServer(new H2Backend(new MVStore.Builder()
                .fileName(dataDir.resolve(EmbeddedMongoServer.DATA_FILE).toString())
                .open()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            Mono.from(collection(client).createIndex(Indexes.ascending("key"), new IndexOptions().unique(true)))
                    .block(WAIT);
            Mono.from(collection(client).insertMany(documents)).block(WAIT);
        } finally {
            server.shutdown();
        }
    }

    private List<Document> readAll() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            return Flux.from(collection(client).find().sort(new Document("n", 1)))
                    .collectList()
                    .block(WAIT);
        }
    }

    private Set<String> mapNames() {
        return readFile(MVStore::getMapNames);
    }

    /** What the closed file holds, read as H2 reads it. */
    private <T> T readFile(java.util.function.Function<MVStore, T> read) {
        MVStore store = new MVStore.Builder()
                .fileName(dataDir.resolve(EmbeddedMongoServer.DATA_FILE).toString())
                .readOnly()
                .open();
        try {
            return read.apply(store);
        } finally {
            store.close();
        }
    }

    @Test
    void an_earlier_file_is_moved_to_bson_with_every_document_and_its_unique_index() {
        List<Document> written = documents(300);
        writeEarlierFormat(written);

        assertEquals(written, readAll(), "every document, every type, read back equal");
        assertEquals(written, readAll(), "and again, now from BSON");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoWriteException duplicate = assertThrows(
                    MongoWriteException.class,
                    () -> Mono.from(collection(client).insertOne(new Document("_id", "other").append("key", "k7")))
                            .block(WAIT));
            assertEquals(11000, duplicate.getCode(), "the unique index still points at the moved documents");
            MongoWriteException sameId = assertThrows(
                    MongoWriteException.class,
                    () -> Mono.from(collection(client)
                                    .insertOne(new Document("_id", "PR-7/pending").append("key", "x")))
                            .block(WAIT));
            assertEquals(11000, sameId.getCode(), "and so does the _id index");
            Mono.from(collection(client).insertOne(new Document("_id", "new").append("key", "k-new")))
                    .block(WAIT);
        }
        assertEquals(301, readAll().size());
        assertTrue(mapNames().contains(DATA_MAP), mapNames().toString());
        assertNoMoveLeft();
    }

    @Test
    void a_move_that_stopped_half_way_starts_again_and_loses_nothing() {
        List<Document> written = documents(50);
        writeEarlierFormat(written);
        // What a stop during a move leaves: the earlier map whole, a part of the new one committed, no mark.
        MVStore store = new MVStore.Builder()
                .fileName(dataDir.resolve(EmbeddedMongoServer.DATA_FILE).toString())
                .open();
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> part = store.openMap(
                "connectx.moving." + DATA_MAP,
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
        part.put(-1L, new de.bwaldvogel.mongo.bson.Document("_id", "half-moved"));
        store.commit();
        store.close();

        List<Document> read = readAll();

        assertEquals(written, read);
        assertNoMoveLeft();
    }

    @Test
    void a_new_file_is_bson_from_the_start_and_marked() {
        List<Document> written = documents(20);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Mono.from(collection(client).insertMany(written)).block(WAIT);
        }

        assertEquals(written, readAll());
        assertEquals(
                DocumentFormat.BSON,
                readFile(store -> store.<String, Object>openMap("meta.connectx.driver_data")
                        .get(DocumentFormat.MARKER)));
    }

    /** No map of a move under way is left in the file. */
    private void assertNoMoveLeft() {
        assertFalse(
                mapNames().stream().anyMatch(name -> name.startsWith("connectx.moving.")),
                mapNames().toString());
    }
}
