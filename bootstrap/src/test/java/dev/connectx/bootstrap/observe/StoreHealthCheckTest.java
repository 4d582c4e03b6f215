package dev.connectx.bootstrap.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import io.helidon.health.HealthCheckResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Health answers from the latest background ping, at once, however slow the store has become. */
class StoreHealthCheckTest {

    /** A store whose ping takes as long as the test says. */
    private static final class SlowPingStore implements SubscriptionEventStore {
        private final InMemorySubscriptionEventStore events = new InMemorySubscriptionEventStore();
        private final AtomicLong pingMillis = new AtomicLong();

        @Override
        public SaveResult save(SubscriptionEvent event) {
            return events.save(event);
        }

        @Override
        public Optional<SubscriptionEvent> find(EventKey key) {
            return events.find(key);
        }

        @Override
        public List<SubscriptionEventSummary> summaries(EventQuery query) {
            return events.summaries(query);
        }

        @Override
        public long count(EventQuery query) {
            return events.count(query);
        }

        @Override
        public EventCounts countEvents() {
            return events.countEvents();
        }

        @Override
        public long countUnreadable() {
            return 0;
        }

        @Override
        public String describe() {
            return "slow to ping";
        }

        @Override
        public void close() {}

        @Override
        public boolean isReachable() {
            try {
                Thread.sleep(pingMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
    }

    @Test
    void a_slow_store_does_not_slow_health_and_a_ping_that_never_returns_turns_it_down() throws Exception {
        SlowPingStore store = new SlowPingStore();
        try (StoreHealthCheck health = new StoreHealthCheck(() -> store, Optional::empty)) {
            assertEquals(HealthCheckResponse.Status.UP, health.call().status());

            store.pingMillis.set(60_000);
            Thread.sleep(StoreHealthCheck.EVERY_MILLIS + 200); // the background ping is now stuck
            long started = System.nanoTime();
            HealthCheckResponse meanwhile = health.call();
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 100, "answered from the last ping");
            assertEquals(HealthCheckResponse.Status.UP, meanwhile.status());

            Thread.sleep(StoreHealthCheck.STALE_MILLIS);
            HealthCheckResponse stale = health.call();
            assertEquals(HealthCheckResponse.Status.DOWN, stale.status());
            assertTrue(
                    String.valueOf(stale.details().get("error")).startsWith("the store has not answered a ping for"),
                    stale.details().toString());
        }
    }

    @Test
    void a_write_failure_turns_health_down_naming_it() {
        try (StoreHealthCheck health = new StoreHealthCheck(
                InMemorySubscriptionEventStore::new, () -> Optional.of("No space left on device"))) {
            HealthCheckResponse response = health.call();
            assertEquals(HealthCheckResponse.Status.DOWN, response.status());
            assertEquals("No space left on device", response.details().get("error"));
            assertFalse(response.details().isEmpty());
        }
    }
}
