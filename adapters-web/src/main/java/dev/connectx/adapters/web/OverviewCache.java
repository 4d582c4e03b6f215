package dev.connectx.adapters.web;

import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The store's overview (counts by status and type, the newest events), counted once for every status asked within a
 * while of the count. Counting reads the whole collection and every open status page asks every 2 s: a count is
 * reused for a second, or for ten times as long as it took when that is longer (at most a minute), and one caller
 * counts while the others wait for its answer, so a large collection is never counted by many callers at once.
 */
final class OverviewCache {

    static final long MIN_REUSE_NANOS = 1_000_000_000L;
    static final long MAX_REUSE_NANOS = 60_000_000_000L;
    static final int REUSE_PER_COUNT_TIME = 10;

    private record Counted(Overview overview, long atNanos, long tookNanos) {}

    private final Supplier<Overview> count;
    private final LongSupplier nanos;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile Counted last;

    /** @param nanos a monotonic clock ({@code System::nanoTime} outside tests) */
    OverviewCache(Supplier<Overview> count, LongSupplier nanos) {
        this.count = count;
        this.nanos = nanos;
    }

    Overview get() {
        Counted seen = last;
        if (fresh(seen)) {
            return seen.overview();
        }
        counting.lock();
        try {
            seen = last;
            if (fresh(seen)) {
                return seen.overview(); // counted by the caller this one waited for
            }
            long started = nanos.getAsLong();
            Overview overview = count.get();
            long finished = nanos.getAsLong();
            last = new Counted(overview, finished, finished - started);
            return overview;
        } finally {
            counting.unlock();
        }
    }

    private boolean fresh(Counted counted) {
        if (counted == null) {
            return false;
        }
        long reuse = Math.min(MAX_REUSE_NANOS, Math.max(MIN_REUSE_NANOS, REUSE_PER_COUNT_TIME * counted.tookNanos()));
        return nanos.getAsLong() - counted.atNanos() < reuse;
    }
}
