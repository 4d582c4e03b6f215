package dev.connectx.adapters.connect.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPauseTest {

    /** Always the top of the range: the bound itself. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void the_bound_doubles_from_one_second_to_five_minutes() {
        RetryPause pause = new RetryPause(HIGHEST);
        assertEquals(Duration.ofMillis(1000), pause.next(Optional.empty()));
        assertEquals(Duration.ofMillis(2000), pause.next(Optional.empty()));
        assertEquals(Duration.ofMillis(4000), pause.next(Optional.empty()));
        for (int i = 0; i < 40; i++) {
            pause.next(Optional.empty());
        }
        assertEquals(Duration.ofMinutes(5), pause.next(Optional.empty()));
        pause.reset();
        assertEquals(Duration.ofMillis(1000), pause.next(Optional.empty()));
    }

    @Test
    void jitter_spreads_waits_under_the_bound() {
        RetryPause pause = new RetryPause(RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 10; i++) {
            Duration wait = pause.next(Optional.empty());
            assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofMinutes(5)) <= 0, wait.toString());
        }
    }

    @Test
    void retry_after_is_a_floor() {
        RetryPause pause = new RetryPause(HIGHEST);
        assertEquals(Duration.ofSeconds(7), pause.next(Optional.of(Duration.ofSeconds(7))));
        assertEquals(Duration.ofSeconds(2), pause.next(Optional.of(Duration.ofMillis(1500))), "the bound is longer");
    }
}
