package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The H2 file backend, committing after every write command before it is acknowledged, writes one at a time.
 *
 * <p>Left alone, H2's MVStore commits in the background about once a second, so a process killed right after
 * acknowledging a write would lose it; connectx answers Connect {@code success} only for writes that survive a
 * {@code kill -9}. The commit reaches the operating system, not the disk platter: a power cut can still lose the
 * last writes, as with MongoDB's default journal interval.
 *
 * <p>When H2 cannot write its file (a full disk, say), it closes its store for good and every later command fails.
 * The backend reports that once to {@code onStoreClosed}, so that the server can reopen the file when it can.
 */
final class CommitEveryWriteH2Backend extends H2Backend {

    private final WriteCommands writes = new WriteCommands();
    private final Consumer<String> onStoreClosed;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();

    CommitEveryWriteH2Backend(String fileName, Consumer<String> onStoreClosed) {
        super(openStore(fileName));
        this.onStoreClosed = onStoreClosed;
    }

    /**
     * The H2 store without H2's background writer: every write is committed here anyway, and the writer's other work,
     * compacting chunks, serialises whole pages of large documents at unpredictable moments (tens of MiB at once for
     * 15 MiB events), which is memory a bounded heap does not have to spare. An event log is written once and rarely
     * deleted from, so it leaves little to compact.
     */
    private static MVStore openStore(String fileName) {
        return new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return writes.handle(
                    command, () -> super.handleCommand(channel, databaseName, command, query), this::commit);
        } finally {
            if (getMvStore().isClosed() && !closing.get() && reported.compareAndSet(false, true)) {
                MVStoreException panic = getMvStore().getPanicException();
                onStoreClosed.accept(panic == null ? "the H2 store closed" : rootMessage(panic));
            }
        }
    }

    @Override
    public void close() {
        closing.set(true);
        super.close();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BoundedQueryDatabase(databaseName);
    }

    /**
     * The H2 database with {@link BoundedQueryH2Collection}s. An inner class: H2Database opens its collections from
     * its own constructor, before a field of a subclass could be set, and an inner class reaches the backend's
     * store through its enclosing instance, which is set first.
     */
    private final class BoundedQueryDatabase extends H2Database {

        BoundedQueryDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** The index's map opened with BSON keys first, so that H2Database's own opening finds it open. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            String fullName = getFullCollectionNamespace(collectionName);
            DocumentFormat.openIndex(
                    getMvStore(),
                    fullName + "._index_" + indexName,
                    getMvStore().openMap("meta." + fullName),
                    indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
            MVMap<Object, Document> data = DocumentFormat.open(getMvStore(), "databases." + fullName, meta);
            return new BoundedQueryH2Collection(this, collectionName, options, data, meta, getCursorRegistry());
        }
    }
}
