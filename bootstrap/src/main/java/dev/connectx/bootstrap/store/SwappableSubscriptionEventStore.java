package dev.connectx.bootstrap.store;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one store the core is given: every call goes to the store in place now, and {@link #replace} puts another in
 * place at run time (when Connect's variables change the storage settings); the one replaced closes once its calls in
 * flight have finished. Calls made before the first store is in place wait for it.
 */
public final class SwappableSubscriptionEventStore implements SubscriptionEventStore {

    private final CompletableFuture<Void> first = new CompletableFuture<>();
    private volatile RetirableStore current;

    /** Puts {@code store} in place; the store it replaces closes once idle, or after {@code retireWithin}. */
    public synchronized void replace(SubscriptionEventStore store, Duration retireWithin) {
        RetirableStore previous = current;
        current = new RetirableStore(store);
        first.complete(null);
        if (previous != null) {
            previous.retire(retireWithin);
        }
    }

    /** The first store could not be opened: waiting callers get {@code cause}. */
    public void failedToOpen(Throwable cause) {
        first.completeExceptionally(cause);
    }

    /** Waits for the first store; rethrows why it could not be opened. */
    public void awaitFirst() {
        try {
            first.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The store in place, if the first one is open yet; never waits (for health checks). */
    public Optional<SubscriptionEventStore> ifOpen() {
        return first.isDone() && !first.isCompletedExceptionally() ? Optional.of(current) : Optional.empty();
    }

    /** Why the last save failed, if it did within the last minute and none succeeded since. */
    public Optional<String> recentWriteFailure() {
        return ifOpen().isPresent() ? current.recentWriteFailure() : Optional.empty();
    }

    private RetirableStore now() {
        awaitFirst();
        return current;
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        return now().save(event);
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        return now().find(key);
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return now().summaries(query);
    }

    @Override
    public long count(EventQuery query) {
        return now().count(query);
    }

    @Override
    public EventCounts countEvents() {
        return now().countEvents();
    }

    @Override
    public long countUnreadable() {
        return now().countUnreadable();
    }

    @Override
    public boolean isReachable() {
        return ifOpen().map(SubscriptionEventStore::isReachable).orElse(false);
    }

    @Override
    public String describe() {
        return ifOpen().map(SubscriptionEventStore::describe).orElse("opening");
    }

    /** Closes the store in place (replaced ones close themselves). */
    @Override
    public void close() {
        if (ifOpen().isPresent()) {
            current.close();
        }
    }
}
