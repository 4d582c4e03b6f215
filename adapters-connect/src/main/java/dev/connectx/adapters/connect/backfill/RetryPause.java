package dev.connectx.adapters.connect.backfill;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before asking for a page again: exponential backoff from {@value #FIRST_SECONDS} s doubling to
 * {@value #MAX_MINUTES} min, with full jitter (a random wait up to that bound, so that instances do not retry in step),
 * and never less than Connect's {@code Retry-After}.
 */
final class RetryPause {

    static final int FIRST_SECONDS = 1;
    static final int MAX_MINUTES = 5;
    private static final Duration FIRST = Duration.ofSeconds(FIRST_SECONDS);
    private static final Duration MAX = Duration.ofMinutes(MAX_MINUTES);

    private final RandomGenerator random;
    private int failures;

    RetryPause(RandomGenerator random) {
        this.random = random;
    }

    /** The wait after one more failure in a row. */
    Duration next(Optional<Duration> retryAfter) {
        Duration bound = failures >= 20 ? MAX : FIRST.multipliedBy(1L << failures);
        if (bound.compareTo(MAX) > 0) {
            bound = MAX;
        }
        failures++;
        Duration jittered = Duration.ofMillis(random.nextLong(bound.toMillis() + 1));
        return retryAfter.filter(wait -> wait.compareTo(jittered) > 0).orElse(jittered);
    }

    /** A success: the next failure waits the shortest again. */
    void reset() {
        failures = 0;
    }

    int failuresInARow() {
        return failures;
    }
}
