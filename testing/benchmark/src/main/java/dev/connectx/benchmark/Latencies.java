package dev.connectx.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds, one slot per operation, safe to fill from many threads (each slot once). */
final class Latencies {

    private final long[] nanos;

    Latencies(int operations) {
        this.nanos = new long[operations];
    }

    void record(int operation, long latencyNanos) {
        nanos[operation] = latencyNanos;
    }

    /** The percentile (0-100) in milliseconds, of the operations recorded so far. */
    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    long[] sorted() {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return copy;
    }
}
