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

    /** The peak resident set since the process started ({@code VmHWM}), in MiB; NaN where it cannot be read. */
    public static double peakRssMib(long pid) {
        OptionalLong kib = field(pid, "VmHWM:");
        return kib.isPresent() ? kib.getAsLong() / 1024.0 : Double.NaN;
    }
}
