package dev.connectx.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How far a backfill has listed one request family's history, oldest {@code updated} first: the watermark (the
 * newest {@code updated} gone through) and the ids gone through at exactly that instant, which the next page, listed
 * from the watermark on, passes over.
 *
 * @param watermark the newest {@code updated} gone through (the backfill's {@code since} before the first page)
 * @param seenAtWatermark the ids gone through whose {@code updated} is the watermark
 * @param counts what has been gone through so far
 * @param finished whether the list has been gone through to its end
 */
public record HistoryPosition(Instant watermark, Set<String> seenAtWatermark, BackfillCounts counts, boolean finished) {

    public HistoryPosition {
        Objects.requireNonNull(watermark, "watermark");
        seenAtWatermark = Set.copyOf(seenAtWatermark);
        Objects.requireNonNull(counts, "counts");
    }

    /** Where a family's history starts: nothing gone through yet. */
    public static HistoryPosition start(Instant since) {
        return new HistoryPosition(since, Set.of(), BackfillCounts.NONE, false);
    }

    /** Whether an object was gone through already: it lies at the watermark and was seen there. */
    public boolean alreadySeen(String id, Instant updated) {
        return updated.equals(watermark) && seenAtWatermark.contains(id);
    }
}
