package dev.connectx.domain;

/**
 * What a backfill has gone through. {@code done} counts every object gone through: those recorded now, those stored
 * before (by a live task, or an earlier run), those passed over and the malformed ones.
 *
 * @param done objects gone through
 * @param total the objects there are to go through, as Connect last counted them ({@code Content-Range})
 * @param recorded objects stored by the backfill
 * @param passedOver objects outside the subscriptions or before {@code since}
 * @param malformed objects that could not be read as an event, or that the store refused
 */
public record BackfillCounts(long done, long total, long recorded, long passedOver, long malformed) {

    public static final BackfillCounts NONE = new BackfillCounts(0, 0, 0, 0, 0);

    public BackfillCounts {
        if (done < 0 || total < 0 || recorded < 0 || passedOver < 0 || malformed < 0) {
            throw new IllegalArgumentException("backfill counts are never negative");
        }
    }

    public BackfillCounts plus(BackfillCounts other) {
        return new BackfillCounts(
                done + other.done,
                total + other.total,
                recorded + other.recorded,
                passedOver + other.passedOver,
                malformed + other.malformed);
    }

    public BackfillCounts withTotal(long value) {
        return new BackfillCounts(done, value, recorded, passedOver, malformed);
    }
}
