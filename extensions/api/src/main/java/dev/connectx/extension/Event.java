package dev.connectx.extension;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event as connectx stored it: a request of an asset or of a tier configuration, in one status.
 *
 * @param type Connect's event type, e.g. {@code asset_purchase_request_processing}
 * @param requestId the request, {@code PR-…} or {@code TCR-…}
 * @param status the request's status, e.g. {@code pending}
 * @param subjectId the asset ({@code AS-…}) or tier configuration ({@code TC-…}) the request is about
 * @param productId the product ({@code PRD-…})
 * @param updated when Connect last changed the request
 * @param taskId the Connect task that delivered it; empty for an event posted locally or backfilled
 * @param requestJson the request object as Connect sent it (JSON)
 */
public record Event(
        String type,
        String requestId,
        String status,
        String subjectId,
        String productId,
        Instant updated,
        Optional<String> taskId,
        String requestJson) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(requestJson, "requestJson");
    }

    /** Whether the request is a tier configuration's ({@code TCR-…}) rather than an asset's ({@code PR-…}). */
    public boolean isTierConfigRequest() {
        return type.startsWith("tier_config_");
    }

    /** The request object is left out: it may be large, and it is the customer's data. */
    @Override
    public String toString() {
        return "Event[" + type + " " + requestId + " " + status + " " + subjectId + " " + productId + " " + updated
                + taskId.map(id -> " task=" + id).orElse("") + "]";
    }
}
