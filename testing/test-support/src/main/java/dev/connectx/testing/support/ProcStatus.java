package dev.connectx.testing.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process seen from outside, through Linux's {@code /proc/<pid>/status}. */
public final class ProcStatus {

    private ProcStatus() {}

    /** A numeric field ({@code VmHWM:}, {@code VmRSS:} in kB, {@code Threads:}); empty where /proc or the process is gone. */
    public static OptionalLong field(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(
                            line.substring(field.length()).strip().split("\\s+")[0]));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * The CPU time the process has used, all its threads, user and system ({@code utime + stime} of
     * {@code /proc/<pid>/stat}), in nanoseconds at the kernel's 10 ms tick (USER_HZ is 100 on Linux); empty where it
     * cannot be read.
     */
    public static OptionalLong cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name, in parentheses, may hold spaces: the fields that count start after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split("\\s+");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * 10_000_000L);
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** The peak resident set since the process started ({@code VmHWM}), in MiB; NaN where it cannot be read. */
    public static double peakRssMib(long pid) {
        OptionalLong kib = field(pid, "VmHWM:");
        return kib.isPresent() ? kib.getAsLong() / 1024.0 : Double.NaN;
    }
}
