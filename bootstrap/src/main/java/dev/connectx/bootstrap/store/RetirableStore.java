package dev.connectx.bootstrap.store;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A store that counts the calls in flight on it, so that when configuration replaces it, it closes only once
 * those calls have finished (or a bound has passed).
 */
final class RetirableStore implements SubscriptionEventStore {

    private static final System.Logger LOG = System.getLogger(RetirableStore.class.getName());
    /** Calls that picked this store just before it was replaced get this long to begin. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /** A failed save marks the store as failing writes for this long, unless a save succeeds first. */
    private static final long WRITE_FAILURE_SHOWN_NANOS = Duration.ofSeconds(60).toNanos();

    private record WriteFailure(String message, long atNanos) {}

    private final SubscriptionEventStore delegate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile WriteFailure lastWriteFailure;

    RetirableStore(SubscriptionEventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        return counted(() -> {
            try {
                SaveResult result = delegate.save(event);
                lastWriteFailure = null;
                return result;
            } catch (StoreUnavailableException e) {
                lastWriteFailure = new WriteFailure(e.getMessage(), System.nanoTime());
                throw e;
            }
        });
    }

    /** Why the last save failed, if it did within the last minute and none succeeded since. */
    Optional<String> recentWriteFailure() {
        WriteFailure failure = lastWriteFailure;
        return failure != null && System.nanoTime() - failure.atNanos() < WRITE_FAILURE_SHOWN_NANOS
                ? Optional.of(failure.message())
                : Optional.empty();
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        return counted(() -> delegate.find(key));
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return counted(() -> delegate.summaries(query));
    }

    @Override
    public long count(EventQuery query) {
        return counted(() -> delegate.count(query));
    }

    @Override
    public EventCounts countEvents() {
        return counted(delegate::countEvents);
    }

    @Override
    public long countUnreadable() {
        return counted(delegate::countUnreadable);
    }

    private <T> T counted(Supplier<T> call) {
        inFlight.incrementAndGet();
        try {
            return call.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public boolean isReachable() {
        return delegate.isReachable();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Closes in the background once no call is in flight, waiting at most {@code bound}. */
    void retire(Duration bound) {
        Thread.ofVirtual().name("connectx-store-retire").start(() -> {
            long deadline = System.nanoTime() + GRACE.plus(bound).toNanos();
            try {
                Thread.sleep(GRACE.toMillis());
                while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (inFlight.get() > 0) {
                LOG.log(Level.WARNING, "Closing the replaced store with {0} calls still in flight", inFlight.get());
            }
            delegate.close();
            LOG.log(Level.INFO, "Closed the replaced store: {0}", delegate.describe());
        });
    }
}
