package dev.connectx.bootstrap.store;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.RequestStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The decorator the core is given: it waits for the first store, and swaps stores without losing a call. */
class SwappableSubscriptionEventStoreTest {

    @Test
    void a_call_before_the_first_store_waits_for_it() throws Exception {
        SwappableSubscriptionEventStore store = new SwappableSubscriptionEventStore();
        InMemorySubscriptionEventStore first = new InMemorySubscriptionEventStore();

        CompletableFuture<SaveResult> early =
                CompletableFuture.supplyAsync(() -> store.save(aPurchaseEvent().build()));
        Thread.sleep(200);
        assertFalse(early.isDone(), "waits");
        assertEquals("opening", store.describe());
        store.replace(first, Duration.ofSeconds(1));

        assertEquals(SaveResult.STORED, early.get(5, TimeUnit.SECONDS));
        assertEquals(1, first.events().size());
    }

    @Test
    void after_a_replace_the_next_call_goes_to_the_new_store_and_the_old_one_closes_once_idle() throws Exception {
        SwappableSubscriptionEventStore store = new SwappableSubscriptionEventStore();
        InMemorySubscriptionEventStore old = new InMemorySubscriptionEventStore();
        InMemorySubscriptionEventStore next = new InMemorySubscriptionEventStore();
        store.replace(old, Duration.ofSeconds(5));
        store.save(aPurchaseEvent().build());

        store.replace(next, Duration.ofSeconds(5));
        store.save(aPurchaseEvent().withStatus(RequestStatus.APPROVED).build());

        assertEquals(1, old.events().size());
        assertEquals(RequestStatus.APPROVED, next.events().getFirst().status());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (old.isReachable() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(old.isReachable(), "the replaced store closed");
        assertTrue(next.isReachable(), "the new one stays open");
    }

    @Test
    void a_first_store_that_cannot_open_fails_the_waiting_callers_with_its_cause() {
        SwappableSubscriptionEventStore store = new SwappableSubscriptionEventStore();
        IllegalStateException cause = new IllegalStateException("port taken");

        store.failedToOpen(cause);

        assertSame(cause, assertThrows(IllegalStateException.class, store::awaitFirst));
        assertTrue(store.ifOpen().isEmpty());
        assertFalse(store.isReachable());
    }
}
