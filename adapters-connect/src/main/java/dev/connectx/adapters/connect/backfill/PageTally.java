package dev.connectx.adapters.connect.backfill;

import dev.connectx.adapters.connect.rest.ListedPage;
import dev.connectx.domain.BackfillCounts;
import dev.connectx.domain.HistoryPosition;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What one page went through, and the position after it. The page is listed from the position's watermark on, so it
 * starts with objects gone through before: those older than the watermark, or at it and seen there, are passed over
 * without being counted again. The watermark moves to the newest {@code updated} gone through. Objects are recorded
 * concurrently ({@link RecordingWindow}), so what they report is kept under the tally's lock.
 */
final class PageTally {

    private final HistoryPosition from;
    private Instant watermark;
    private final Set<String> seenAtWatermark;
    private long recorded;
    private long stored;
    private long passedOver;
    private long malformed;

    PageTally(HistoryPosition from) {
        this.from = from;
        this.watermark = from.watermark();
        this.seenAtWatermark = new HashSet<>(from.seenAtWatermark());
    }

    /** Whether the object is yet to be gone through; false for what an earlier page went through. */
    boolean isNew(String id, Instant updated) {
        return !updated.isBefore(from.watermark()) && !from.alreadySeen(id, updated);
    }

    synchronized void recorded(String id, Instant updated) {
        recorded++;
        goneThrough(id, updated);
    }

    /** Stored before: by a live task, or by an earlier run. */
    synchronized void storedBefore(String id, Instant updated) {
        stored++;
        goneThrough(id, updated);
    }

    synchronized void passedOver(String id, Instant updated) {
        passedOver++;
        goneThrough(id, updated);
    }

    /** A malformed object; without a readable time (or id) it cannot move the watermark. */
    synchronized void malformed(String id, Instant updated) {
        malformed++;
        if (id != null && updated != null) {
            goneThrough(id, updated);
        }
    }

    private void goneThrough(String id, Instant updated) {
        if (updated.isAfter(watermark)) {
            watermark = updated;
            seenAtWatermark.clear();
        }
        if (updated.equals(watermark)) {
            seenAtWatermark.add(id);
        }
    }

    /** Objects this page went through for the first time. */
    synchronized long fresh() {
        return recorded + stored + passedOver + malformed;
    }

    /**
     * The position after the page. Its total is what is gone through plus what the page's count says is left: the
     * objects from the watermark on, less those seen at the watermark before and those this page went through.
     */
    synchronized HistoryPosition next(ListedPage page, int limit) {
        long done = fresh();
        BackfillCounts before = from.counts();
        BackfillCounts counts = new BackfillCounts(
                before.done() + done,
                0,
                before.recorded() + recorded,
                before.passedOver() + passedOver,
                before.malformed() + malformed);
        long left = page.total().isPresent()
                ? Math.max(0, page.total().getAsLong() - from.seenAtWatermark().size() - done)
                : 0;
        return new HistoryPosition(
                watermark, seenAtWatermark, counts.withTotal(counts.done() + left), page.isLast(limit));
    }

    /** Whether a full page brought nothing new: more objects share the watermark than a page holds. */
    synchronized boolean stuck(ListedPage page, int limit) {
        return page.received() >= limit && fresh() == 0;
    }
}
