package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.out.SubscriptionEventStore;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Readiness: connectx is ready only while its store answers and takes writes. Details name the store, never its
 * credentials, and say why writes fail when they do (a full disk under the embedded MongoDB, say). The store
 * supplier gives {@code null} while the store is still opening.
 *
 * <p>The store is pinged in the background, every {@value #EVERY_MILLIS} ms, and a health request answers from the
 * latest ping: it takes no longer when the store is slow or busy (a probe that waits is a probe that times out and
 * restarts a healthy process). A ping that has not come back for {@value #STALE_MILLIS} ms counts as down.
 */
public final class StoreHealthCheck implements HealthCheck, AutoCloseable {

    static final long EVERY_MILLIS = 1000;
    static final long STALE_MILLIS = 5000;
    /** Longer than any store's ping timeout. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private record Ping(SubscriptionEventStore store, boolean reachable, long atNanos) {}

    private final Supplier<SubscriptionEventStore> store;
    private final Supplier<Optional<String>> writeFailure;
    private final Thread pinger;
    private volatile Ping last;
    private final CountDownLatch closed = new CountDownLatch(1);

    public StoreHealthCheck(Supplier<SubscriptionEventStore> store, Supplier<Optional<String>> writeFailure) {
        this.store = Objects.requireNonNull(store, "store");
        this.writeFailure = Objects.requireNonNull(writeFailure, "writeFailure");
        this.pinger = Thread.ofVirtual().name("connectx-store-ping").start(this::pingForEver);
    }

    private void pingForEver() {
        try {
            do {
                SubscriptionEventStore current = store.get();
                if (current != null) {
                    last = new Ping(current, current.isReachable(), System.nanoTime());
                }
            } while (!closed.await(EVERY_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            // stopped
        }
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        SubscriptionEventStore current = store.get();
        if (current == null) {
            return HealthCheckResponse.builder()
                    .status(false)
                    .detail("store", "starting")
                    .build();
        }
        Ping ping = last;
        if (ping == null || ping.store() != current) {
            // the first question, or a store swapped in since the last ping: ask it now, once
            ping = new Ping(current, current.isReachable(), System.nanoTime());
            last = ping;
        }
        long ageMillis = Duration.ofNanos(System.nanoTime() - ping.atNanos()).toMillis();
        Optional<String> failing = writeFailure
                .get()
                .or(() -> ageMillis > STALE_MILLIS
                        ? Optional.of("the store has not answered a ping for " + ageMillis + " ms")
                        : Optional.empty());
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(failing.isEmpty() && ping.reachable())
                .detail("store", current.describe());
        failing.ifPresent(cause -> response.detail("error", cause));
        return response.build();
    }

    /**
     * Stops pinging, after the ping under way (bounded by the store's own ping timeout): a ping cut short would still
     * be in flight when the store closes, and the MongoDB driver logs an error for it.
     */
    @Override
    public void close() {
        closed.countDown();
        try {
            if (!pinger.join(CLOSE_WAIT)) {
                pinger.interrupt();
            }
        } catch (InterruptedException e) {
            pinger.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
