package dev.connectx.application.port.out;

import dev.connectx.domain.EventKey;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored events to read, in which order, and how many: every filter is optional, events are ordered by
 * {@code updated} and then by key, so that a page can continue {@link #after} the last event of the previous one.
 *
 * @param requestId only this request's events
 * @param subjectId only the events of this asset or tier configuration
 * @param eventType only events of this type
 * @param status only events with this status
 * @param updatedSince only events whose request changed at or after this instant
 * @param after only events after this one in the query's order (keyset paging)
 * @param order oldest or newest first
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record EventQuery(
        Optional<RequestId> requestId,
        Optional<SubjectId> subjectId,
        Optional<EventType> eventType,
        Optional<RequestStatus> status,
        Optional<Instant> updatedSince,
        Optional<EventKey> after,
        Order order,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public enum Order {
        OLDEST_FIRST,
        NEWEST_FIRST
    }

    public EventQuery {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedSince, "updatedSince");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Every event, oldest first, {@value #MAX_LIMIT} at most; narrow it with the {@code with…} methods. */
    public static EventQuery all() {
        return new EventQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Order.OLDEST_FIRST,
                MAX_LIMIT);
    }

    public EventQuery withRequestId(RequestId value) {
        return new EventQuery(Optional.of(value), subjectId, eventType, status, updatedSince, after, order, limit);
    }

    /** Only the events of this asset or tier configuration. */
    public EventQuery withSubject(SubjectId value) {
        return new EventQuery(requestId, Optional.of(value), eventType, status, updatedSince, after, order, limit);
    }

    public EventQuery withEventType(EventType value) {
        return new EventQuery(requestId, subjectId, Optional.of(value), status, updatedSince, after, order, limit);
    }

    public EventQuery withStatus(RequestStatus value) {
        return new EventQuery(requestId, subjectId, eventType, Optional.of(value), updatedSince, after, order, limit);
    }

    public EventQuery withUpdatedSince(Instant value) {
        return new EventQuery(requestId, subjectId, eventType, status, Optional.of(value), after, order, limit);
    }

    public EventQuery withAfter(EventKey value) {
        return new EventQuery(requestId, subjectId, eventType, status, updatedSince, Optional.of(value), order, limit);
    }

    public EventQuery withOrder(Order value) {
        return new EventQuery(requestId, subjectId, eventType, status, updatedSince, after, value, limit);
    }

    public EventQuery withLimit(int value) {
        return new EventQuery(requestId, subjectId, eventType, status, updatedSince, after, order, value);
    }
}
