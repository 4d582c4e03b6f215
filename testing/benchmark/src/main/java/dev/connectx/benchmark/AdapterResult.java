package dev.connectx.benchmark;

import java.util.Optional;

/**
 * Everything measured for one storage adapter, in one app process.
 *
 * @param adapter {@code driver} or {@code http}
 * @param firstAfterStart the warm-up: the first tasks after start, CPU included, when there is a warm-up
 * @param endToEnd tasks through the protocol into an empty collection
 * @param rawInsertOne the driver's insertOne at the same concurrency, same store
 * @param rawInsertMany the driver's insertMany, same store
 * @param beforePrefill tasks again just before the prefill (as warm as the run after it), when asked
 * @param afterPrefill tasks again after the collection was filled with {@code prefilled} more events, when asked
 * @param prefilled how many events the prefill wrote
 * @param startSeconds spawn of bin/connectx to its first healthy answer
 * @param peakRssMib the app process's peak resident set
 * @param backfill the backfill phase, when asked
 * @param lowRate the idle and low-rate phase, when asked
 */
record AdapterResult(
        String adapter,
        Optional<RunResult> firstAfterStart,
        RunResult endToEnd,
        RunResult rawInsertOne,
        RunResult rawInsertMany,
        Optional<RunResult> beforePrefill,
        Optional<RunResult> afterPrefill,
        int prefilled,
        double startSeconds,
        double peakRssMib,
        Optional<BackfillRun.Result> backfill,
        Optional<LowRateRun.Result> lowRate) {

    /** The same, with the phases run on processes of their own after the main one. */
    AdapterResult withLaterPhases(Optional<BackfillRun.Result> backfill, Optional<LowRateRun.Result> lowRate) {
        return new AdapterResult(
                adapter,
                firstAfterStart,
                endToEnd,
                rawInsertOne,
                rawInsertMany,
                beforePrefill,
                afterPrefill,
                prefilled,
                startSeconds,
                peakRssMib,
                backfill,
                lowRate);
    }

    double ratioToInsertOne() {
        return endToEnd.eventsPerSecond() / rawInsertOne.eventsPerSecond();
    }

    double ratioToInsertMany() {
        return endToEnd.eventsPerSecond() / rawInsertMany.eventsPerSecond();
    }

    /** Events/s after the prefill over events/s just before it: below 1 means cost per event grew with the collection. */
    Optional<Double> prefillRatio() {
        return beforePrefill.flatMap(
                before -> afterPrefill.map(after -> after.eventsPerSecond() / before.eventsPerSecond()));
    }

    /** App CPU per event after the prefill over that just before it: above 1 means each event cost more CPU. */
    Optional<Double> prefillCpuRatio() {
        return beforePrefill.flatMap(before -> afterPrefill
                .map(after -> after.appCpuMillisPerEvent() / before.appCpuMillisPerEvent())
                .filter(ratio -> !ratio.isNaN() && !ratio.isInfinite()));
    }

    double addedP99Millis() {
        return endToEnd.p99Millis() - rawInsertOne.p99Millis();
    }
}
