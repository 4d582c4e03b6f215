package dev.connectx.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.ProcStatus;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The app's CPU, as the benchmark reads it: this JVM's own /proc/self/stat, before and after some work. */
class ProcStatusTest {

    @Test
    void the_cpu_time_of_a_process_is_read_and_grows_with_its_work() {
        long pid = ProcessHandle.current().pid();
        long before = ProcStatus.cpuNanos(pid).orElseThrow();
        long deadline = System.nanoTime() + 10_000_000_000L;
        long spun = 0;
        long after = before;
        while (after <= before && System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000_000; i++) {
                spun += i ^ (spun >>> 3);
            }
            after = ProcStatus.cpuNanos(pid).orElseThrow();
        }

        assertTrue(before > 0, "a JVM has used some CPU by now: " + before);
        assertTrue(after > before, "grew with the work (" + spun + "): " + before + " -> " + after);
        assertTrue(after % 10_000_000L == 0, "in whole kernel ticks of 10 ms");
        assertTrue(ProcStatus.cpuNanos(Long.MAX_VALUE).equals(OptionalLong.empty()), "no such process");
    }
}
