package dev.connectx.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One change to a subscription that Connect reported: a request (of an asset or of a tier configuration) in a given
 * status, and the request itself.
 *
 * @param type the event type, e.g. {@link EventType#ASSET_PURCHASE_REQUEST_PROCESSING}
 * @param requestId the request ({@code id})
 * @param status the request's status ({@code status})
 * @param subject what the request is about: its asset or tier configuration, and product
 * @param updated when Connect last updated the request ({@code updated})
 * @param request the whole request object, unchanged
 * @param receivedAt when connectx received the event
 * @param taskId the Connect task that delivered it, when it came as a task
 * @param source live or backfilled
 *
 * <p>Both instants are kept to the millisecond, the precision of a MongoDB date, so that an event reads back equal
 * to what was stored, and must lie in the years 1 to 9999, so that every store can keep them.
 */
public record SubscriptionEvent(
        EventType type,
        RequestId requestId,
        RequestStatus status,
        Subject subject,
        Instant updated,
        RequestPayload request,
        Instant receivedAt,
        Optional<TaskId> taskId,
        EventSource source) {

    public SubscriptionEvent {
        SubscriptionEventSummary checked =
                new SubscriptionEventSummary(type, requestId, status, subject, updated, receivedAt, taskId, source);
        updated = checked.updated();
        receivedAt = checked.receivedAt();
        Values.required("request", request);
    }

    /** The event without its request. */
    public SubscriptionEventSummary summary() {
        return new SubscriptionEventSummary(type, requestId, status, subject, updated, receivedAt, taskId, source);
    }

    /** The identity under which stores keep this event exactly once. */
    public EventKey key() {
        return new EventKey(requestId, status, updated);
    }

    @Override
    public String toString() {
        return "SubscriptionEvent[" + type + " " + key() + " " + subject
                + taskId.map(t -> " task=" + t).orElse("") + " " + request + "]";
    }
}
