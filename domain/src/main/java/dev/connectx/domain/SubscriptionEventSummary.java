package dev.connectx.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A subscription event without its request: what lists and overviews show, and what finds an event's page. Small
 * whatever the request weighs.
 *
 * <p>Whole: the request id, the status and the subject fit the event type (an asset request is a {@code PR-…} about
 * an asset in one of its type's statuses, a tier configuration request a {@code TCR-…} about a tier configuration).
 *
 * @param type the event type
 * @param requestId the request
 * @param status its status
 * @param subject what the request is about
 * @param updated when Connect last updated the request
 * @param receivedAt when connectx received the event
 * @param taskId the Connect task that delivered it, when it came as a task
 * @param source live or backfilled
 */
public record SubscriptionEventSummary(
        EventType type,
        RequestId requestId,
        RequestStatus status,
        Subject subject,
        Instant updated,
        Instant receivedAt,
        Optional<TaskId> taskId,
        EventSource source) {

    public SubscriptionEventSummary {
        Values.required("event_type", type);
        Values.required("id", requestId);
        Values.required("status", status);
        Values.required(type.family() == RequestFamily.ASSET_REQUEST ? "asset" : "configuration", subject);
        updated = Values.storableInstant("updated", updated);
        receivedAt = Values.storableInstant("received_at", receivedAt);
        Values.required("task_id", taskId);
        Values.required("source", source);
        if (requestId.family() != type.family()) {
            throw new InvalidEventException(
                    "id",
                    Printable.quoted(requestId.value()) + " is not a request of " + type + " (expected the form "
                            + type.family().exampleId() + ")");
        }
        if (!type.allows(status)) {
            throw type.notOneOfItsStatuses(status.wireName());
        }
        if (subject.family() != type.family()) {
            throw new InvalidEventException(
                    type.family() == RequestFamily.ASSET_REQUEST ? "asset" : "configuration",
                    "is required for " + type);
        }
    }

    /** The identity of the event summarised. */
    public EventKey key() {
        return new EventKey(requestId, status, updated);
    }
}
