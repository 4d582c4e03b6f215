package dev.connectx.benchmark;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ProcStatus;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * {@code --low-rate S}: how extensions mostly live. A fresh {@code bin/connectx} idles for S seconds (its resident set
 * then is the idle figure), then takes {@value #PER_SECOND} tasks a second for S seconds, measured like the
 * end-to-end run: latency, the app's CPU per event, and its resident set after.
 */
final class LowRateRun {

    static final int PER_SECOND = 10;

    private LowRateRun() {}

    /**
     * @param idleSeconds how long the process idled after it was healthy
     * @param idleRssMib its resident set then
     * @param idleCpuMillisPerSecond the CPU it used while idle, per second; NaN when /proc cannot be read
     * @param run the paced tasks
     * @param rssAfterMib its resident set after them
     * @param peakRssMib its peak resident set over the phase
     */
    record Result(
            double idleSeconds,
            double idleRssMib,
            double idleCpuMillisPerSecond,
            RunResult run,
            double rssAfterMib,
            double peakRssMib) {}

    static Result run(String adapter, BenchOptions options, ConnectSimulator connect, Path work, int series)
            throws Exception {
        System.err.printf(
                "[%s] starting bin/connectx for the low rate: %d s idle, then %d tasks/s for %d s%n",
                adapter, options.lowRateSeconds(), PER_SECOND, options.lowRateSeconds());
        try (AppUnderTest app = AppUnderTest.start(
                options.distribution(),
                adapter,
                connect,
                work.resolve("low-rate"),
                options.javaOpts(),
                options.environment())) {
            long cpuBefore = ProcStatus.cpuNanos(app.pid()).orElse(-1);
            Thread.sleep(options.lowRateSeconds() * 1000L);
            long cpuAfter = ProcStatus.cpuNanos(app.pid()).orElse(-1);
            double idle = rssMib(app.pid());
            double idleCpu = cpuBefore < 0 || cpuAfter < 0
                    ? Double.NaN
                    : (cpuAfter - cpuBefore) / 1e6 / options.lowRateSeconds();
            int count = PER_SECOND * options.lowRateSeconds();
            RunResult paced = AppCpu.around(
                    app.pid(),
                    () -> EndToEndRun.run(
                            "low rate (" + PER_SECOND + "/s)",
                            connect,
                            Workload.requests(series, count),
                            series,
                            options.concurrency(),
                            1_000_000_000L / PER_SECOND));
            return new Result(options.lowRateSeconds(), idle, idleCpu, paced, rssMib(app.pid()), app.peakRssMib());
        }
    }

    private static double rssMib(long pid) {
        OptionalLong kib = ProcStatus.field(pid, "VmRSS:");
        return kib.isPresent() ? kib.getAsLong() / 1024.0 : Double.NaN;
    }
}
