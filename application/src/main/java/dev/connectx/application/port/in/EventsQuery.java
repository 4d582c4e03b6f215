package dev.connectx.application.port.in;

import dev.connectx.domain.EventKey;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events to read, oldest first (by {@code updated}, then key): every filter is optional, and a page continues
 * {@code after} the last event of the previous one.
 *
 * @param requestId only this request's events
 * @param subjectId only the events of this asset or tier configuration
 * @param eventType only events of this type
 * @param status only events in this status
 * @param since only events whose request changed at or after this instant
 * @param after only events after this one
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record EventsQuery(
        Optional<RequestId> requestId,
        Optional<SubjectId> subjectId,
        Optional<EventType> eventType,
        Optional<RequestStatus> status,
        Optional<Instant> since,
        Optional<EventKey> after,
        int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public EventsQuery {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Every event, {@value #DEFAULT_LIMIT} at a time. */
    public static EventsQuery all() {
        return new EventsQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_LIMIT);
    }

    public EventsQuery withRequestId(RequestId value) {
        return new EventsQuery(Optional.of(value), subjectId, eventType, status, since, after, limit);
    }

    /** Only the events of this asset or tier configuration. */
    public EventsQuery withSubject(SubjectId value) {
        return new EventsQuery(requestId, Optional.of(value), eventType, status, since, after, limit);
    }

    public EventsQuery withEventType(EventType value) {
        return new EventsQuery(requestId, subjectId, Optional.of(value), status, since, after, limit);
    }

    public EventsQuery withStatus(RequestStatus value) {
        return new EventsQuery(requestId, subjectId, eventType, Optional.of(value), since, after, limit);
    }

    public EventsQuery withSince(Instant value) {
        return new EventsQuery(requestId, subjectId, eventType, status, Optional.of(value), after, limit);
    }

    public EventsQuery withAfter(EventKey value) {
        return new EventsQuery(requestId, subjectId, eventType, status, since, Optional.of(value), limit);
    }

    public EventsQuery withLimit(int value) {
        return new EventsQuery(requestId, subjectId, eventType, status, since, after, value);
    }
}
