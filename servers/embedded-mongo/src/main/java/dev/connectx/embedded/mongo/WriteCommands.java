package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs write commands one at a time. mongo-java-server is not safe for some concurrent writes: an insert racing
 * a {@code createIndexes} on the same collection fails with a ConcurrentModificationException. Reads stay
 * concurrent.
 */
final class WriteCommands {

    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "createindexes",
            "dropindexes",
            "drop",
            "create",
            "dropdatabase");

    private final ReentrantLock lock = new ReentrantLock();

    static boolean isWrite(String command) {
        return WRITES.contains(command.toLowerCase(Locale.ROOT));
    }

    /** Runs {@code command}; when it is a write, under the lock and followed by {@code afterWrite}. */
    Document handle(String command, Supplier<Document> call, Runnable afterWrite) {
        if (!isWrite(command)) {
            return call.get();
        }
        lock.lock();
        try {
            Document response = call.get();
            afterWrite.run();
            return response;
        } finally {
            lock.unlock();
        }
    }
}
