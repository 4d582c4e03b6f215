package dev.connectx.benchmark;

/**
 * One measured run.
 *
 * @param name what ran, e.g. {@code end-to-end} or {@code raw insertOne}
 * @param operations events written
 * @param seconds wall-clock time of the measured part
 * @param p50Millis median latency of one operation (a task, an insert, a batch)
 * @param p99Millis 99th percentile
 * @param appCpuMillisPerEvent CPU the app process used per event over the run, its embedded MongoDB included (for a
 *     raw run: the store's share alone); NaN when not measured
 */
record RunResult(
        String name, int operations, double seconds, double p50Millis, double p99Millis, double appCpuMillisPerEvent) {

    static RunResult of(String name, int operations, long elapsedNanos, Latencies latencies) {
        long[] sorted = latencies.sorted();
        return new RunResult(
                name,
                operations,
                elapsedNanos / 1e9,
                Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99),
                Double.NaN);
    }

    /** This run with the app process's CPU over it ({@code cpuNanos}, read from /proc before and after). */
    RunResult withAppCpu(long cpuNanos) {
        return new RunResult(name, operations, seconds, p50Millis, p99Millis, cpuNanos / 1e6 / operations);
    }

    double eventsPerSecond() {
        return operations / seconds;
    }
}
