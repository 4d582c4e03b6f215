package dev.connectx.adapters.mongo.document;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Documents that looked like events but could not be read as one (an id of the wrong shape, say): skipped by every
 * read, and logged, at most once a minute, so that a damaged collection cannot flood the log.
 */
final class UnreadableDocuments {

    private static final System.Logger LOG = System.getLogger(UnreadableDocuments.class.getName());
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;
    private static final AtomicLong SKIPPED = new AtomicLong();
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    private UnreadableDocuments() {}

    static void skipped(BsonDocument document, RuntimeException why) {
        long total = SKIPPED.incrementAndGet();
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last >= LOG_EVERY_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            BsonValue id = document.get(SubscriptionEventDocuments.ID);
            LOG.log(
                    Level.WARNING,
                    "Skipped a document that is not readable as an event (_id {0}): {1}; {2} skipped since start",
                    id == null ? "missing" : shorten(id.toString()),
                    shorten(why.getMessage()),
                    total);
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "no message";
        }
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
