package dev.connectx.adapters.connect.transport;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The Python runner's reconnect waits (§1.7, the {@code backoff} library's {@code expo} with full jitter): the
 * n-th wait is uniform in [0, min(2^(n-1) s, cap)], and never runs past what is left of the budget.
 */
public final class Backoff {

    private final Duration cap;
    private final DoubleSupplier random;

    public Backoff(Duration cap, DoubleSupplier random) {
        this.cap = cap;
        this.random = random;
    }

    /**
     * The wait before the next attempt.
     *
     * @param attempt 1 for the wait after the first failure
     * @param left what remains of the budget; zero or less means give up
     */
    public Duration delay(int attempt, Duration left) {
        double nominal = Math.min(Math.pow(2, Math.min(attempt - 1, 30)), cap.toMillis() / 1000.0);
        long millis = (long) (random.getAsDouble() * nominal * 1000);
        return Duration.ofMillis(Math.max(0, Math.min(millis, left.toMillis())));
    }
}
