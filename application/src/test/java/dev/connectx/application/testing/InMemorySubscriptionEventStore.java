package dev.connectx.application.testing;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A hand-written fake of the store port, for tests of the core: keeps events in a map and can be told to fail. */
public final class InMemorySubscriptionEventStore implements SubscriptionEventStore {

    /** Mirrors MongoDB's 16 MiB document limit closely enough for tests. */
    public static final int MAX_PAYLOAD_CHARS = 16 * 1024 * 1024;

    private final ConcurrentMap<EventKey, SubscriptionEvent> events = new ConcurrentHashMap<>();
    private volatile boolean unavailable;
    private volatile boolean closed;

    public void makeUnavailable(boolean value) {
        unavailable = value;
    }

    public List<SubscriptionEvent> events() {
        return List.copyOf(events.values());
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        checkAvailable();
        if (event.request().length() > MAX_PAYLOAD_CHARS) {
            throw new EventRejectedException("request of " + event.request().length() + " characters is over the store's limit");
        }
        return events.putIfAbsent(event.key(), event) == null ? SaveResult.STORED : SaveResult.ALREADY_STORED;
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        checkAvailable();
        return Optional.ofNullable(events.get(key));
    }

    @Override
    public boolean isReachable() {
        return !unavailable && !closed;
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkAvailable() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
        if (unavailable) {
            throw new StoreUnavailableException("in-memory store made unavailable by the test");
        }
    }
}
