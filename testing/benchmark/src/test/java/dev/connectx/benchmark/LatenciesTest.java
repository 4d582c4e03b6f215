package dev.connectx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentiles_are_nearest_rank_over_the_samples() {
        Latencies latencies = new Latencies(100);
        for (int i = 0; i < 100; i++) {
            latencies.record(i, (100 - i) * 1_000_000L); // 100 ms down to 1 ms, recorded out of order
        }
        long[] sorted = latencies.sorted();

        assertEquals(50.0, Latencies.percentileMillis(sorted, 50));
        assertEquals(99.0, Latencies.percentileMillis(sorted, 99));
        assertEquals(100.0, Latencies.percentileMillis(sorted, 100));
    }

    @Test
    void a_run_reports_events_per_second_from_its_own_clock() {
        Latencies latencies = new Latencies(4);
        RunResult run = RunResult.of("x", 4, 2_000_000_000L, latencies);

        assertEquals(2.0, run.eventsPerSecond());
    }
}
