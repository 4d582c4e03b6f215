package dev.connectx.application.port.out;

import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: where subscription events are kept, exactly once per {@link EventKey}.
 *
 * <p>Implementations are thread-safe, hold their connections for the life of the process, and bound every call
 * in time. A call that cannot reach the store throws {@link StoreUnavailableException}; an event the store can
 * never accept throws {@link EventRejectedException}.
 *
 * <p>Reads return what the store can read as events and skip the rest: a collection may hold documents connectx did
 * not write. Lists carry summaries only, so that their size does not depend on how large requests are; a whole
 * event is read one at a time with {@link #find}.
 */
public interface SubscriptionEventStore extends AutoCloseable {

    /**
     * Keeps the event unless an event with the same key is kept already; the first one kept wins.
     *
     * @return whether this call stored the event or found it stored
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     * @throws EventRejectedException when the store can never accept this event
     */
    SaveResult save(SubscriptionEvent event);

    /**
     * Reads back the event kept under a key; empty when none is, or when what is kept there is not readable as one.
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    Optional<SubscriptionEvent> find(EventKey key);

    /**
     * Summaries of the events the query selects, in its order, at most its limit.
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    List<SubscriptionEventSummary> summaries(EventQuery query);

    /**
     * Counts the events the query's filters select ({@code after} and {@code limit} do not apply).
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    long count(EventQuery query);

    /**
     * How many events of each status are kept; statuses without events are left out.
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    EventCounts countEvents();

    /**
     * How many documents the store holds that it cannot read as events (written by something else, or damaged).
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    long countUnreadable();

    /** Whether the store answers right now; never throws. */
    boolean isReachable();

    /** A short description for operators, e.g. the adapter, database and collection; never a secret. */
    String describe();

    /** Releases the store's connections; calls after this fail. */
    @Override
    void close();
}
