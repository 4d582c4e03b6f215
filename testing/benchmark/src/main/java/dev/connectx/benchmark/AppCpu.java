package dev.connectx.benchmark;

import dev.connectx.testing.support.ProcStatus;
import java.util.concurrent.Callable;

/** A run measured with the CPU the app process used over it, read from {@code /proc/<pid>/stat} around it. */
final class AppCpu {

    private AppCpu() {}

    static RunResult around(long pid, Callable<RunResult> run) throws Exception {
        long before = ProcStatus.cpuNanos(pid).orElse(-1);
        RunResult result = run.call();
        long after = ProcStatus.cpuNanos(pid).orElse(-1);
        return before < 0 || after < 0 ? result : result.withAppCpu(after - before);
    }
}
