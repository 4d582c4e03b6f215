package dev.connectx.benchmark;

/**
 * One measured run.
 *
 * @param name what ran, e.g. {@code end-to-end} or {@code raw insertOne}
 * @param operations events written
 * @param seconds wall-clock time of the measured part
 * @param p50Millis median latency of one operation (a task, an insert, a batch)
 * @param p99Millis 99th percentile
 */
record RunResult(String name, int operations, double seconds, double p50Millis, double p99Millis) {

    static RunResult of(String name, int operations, long elapsedNanos, Latencies latencies) {
        long[] sorted = latencies.sorted();
        return new RunResult(
                name,
                operations,
                elapsedNanos / 1e9,
                Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99));
    }

    double eventsPerSecond() {
        return operations / seconds;
    }
}
