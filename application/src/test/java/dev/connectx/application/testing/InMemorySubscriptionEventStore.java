package dev.connectx.application.testing;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

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
            throw new EventRejectedException(
                    "request of " + event.request().length() + " characters is over the store's limit");
        }
        return events.putIfAbsent(event.key(), event) == null ? SaveResult.STORED : SaveResult.ALREADY_STORED;
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        checkAvailable();
        return Optional.ofNullable(events.get(key));
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return events(query).stream().map(SubscriptionEvent::summary).toList();
    }

    /** The whole events a query selects, in its order (the fake's own; the port lists summaries only). */
    public List<SubscriptionEvent> events(EventQuery query) {
        checkAvailable();
        Comparator<SubscriptionEvent> order = Comparator.comparing(SubscriptionEvent::updated)
                .thenComparing(e -> e.key().value());
        Comparator<SubscriptionEvent> inQueryOrder =
                query.order() == EventQuery.Order.OLDEST_FIRST ? order : order.reversed();
        return events.values().stream()
                .filter(e -> matches(query, e))
                .filter(e -> query.after().isEmpty()
                        || inQueryOrder.compare(e, positionOf(query.after().get())) > 0)
                .sorted(inQueryOrder)
                .limit(query.limit())
                .toList();
    }

    @Override
    public long count(EventQuery query) {
        checkAvailable();
        return events.values().stream().filter(e -> matches(query, e)).count();
    }

    @Override
    public EventCounts countEvents() {
        checkAvailable();
        return new EventCounts(events.values().stream()
                .collect(Collectors.groupingBy(
                        SubscriptionEvent::type,
                        Collectors.groupingBy(SubscriptionEvent::status, Collectors.counting()))));
    }

    /** The fake holds events only: nothing in it is unreadable. */
    @Override
    public long countUnreadable() {
        checkAvailable();
        return 0;
    }

    private static boolean matches(EventQuery query, SubscriptionEvent event) {
        return query.requestId().map(event.requestId()::equals).orElse(true)
                && query.subjectId().map(event.subject().id()::equals).orElse(true)
                && query.eventType().map(event.type()::equals).orElse(true)
                && query.status().map(event.status()::equals).orElse(true)
                && query.updatedSince()
                        .map(since -> !event.updated().isBefore(since))
                        .orElse(true);
    }

    /** An event standing for a paging position: only its updated and key take part in the order. */
    private static SubscriptionEvent positionOf(EventKey key) {
        return SubscriptionEventFixtures.aPurchaseEvent()
                .withRequestId(key.requestId().value())
                .withStatus(key.status())
                .withUpdated(key.updated())
                .build();
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
