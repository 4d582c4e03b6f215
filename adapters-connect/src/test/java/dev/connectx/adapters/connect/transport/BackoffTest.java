package dev.connectx.adapters.connect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff highest = new Backoff(Duration.ofSeconds(300), () -> 1.0);

    @Test
    void nominal_waits_double_from_one_second_up_to_the_cap() {
        Duration budget = Duration.ofHours(1);
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(
                    Duration.ofSeconds(expected[attempt - 1]), highest.delay(attempt, budget), "attempt " + attempt);
        }
    }

    @Test
    void full_jitter_scales_the_nominal_wait() {
        assertEquals(
                Duration.ofMillis(2000),
                new Backoff(Duration.ofSeconds(300), () -> 0.25).delay(4, Duration.ofHours(1)));
        assertEquals(Duration.ZERO, new Backoff(Duration.ofSeconds(300), () -> 0.0).delay(9, Duration.ofHours(1)));
    }

    @Test
    void a_wait_never_runs_past_the_budget() {
        assertEquals(Duration.ofSeconds(3), highest.delay(9, Duration.ofSeconds(3)));
    }

    @Test
    void huge_attempt_numbers_stay_at_the_cap() {
        assertEquals(Duration.ofSeconds(300), highest.delay(10_000, Duration.ofHours(1)));
    }
}
