package dev.connectx.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A subscription event without its request: what lists and overviews show, and what finds an event's page. Small
 * whatever the request weighs.
 *
 * @param type the event type
 * @param requestId the request
 * @param status its status
 * @param assetId the subscription
 * @param productId the subscribed product
 * @param updated when Connect last updated the request
 * @param receivedAt when connectx received the event
 * @param taskId the Connect task that delivered it, when it came as a task
 */
public record SubscriptionEventSummary(
        EventType type,
        RequestId requestId,
        RequestStatus status,
        AssetId assetId,
        ProductId productId,
        Instant updated,
        Instant receivedAt,
        Optional<TaskId> taskId) {

    public SubscriptionEventSummary {
        Values.required("event_type", type);
        Values.required("id", requestId);
        Values.required("status", status);
        Values.required("asset.id", assetId);
        Values.required("asset.product.id", productId);
        updated = Values.storableInstant("updated", updated);
        receivedAt = Values.storableInstant("received_at", receivedAt);
        Values.required("task_id", taskId);
    }

    /** The identity of the event summarised. */
    public EventKey key() {
        return new EventKey(requestId, status, updated);
    }
}
