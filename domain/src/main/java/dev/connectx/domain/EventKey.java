package dev.connectx.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What makes two deliveries the same event: the same request, in the same status, as of the same update.
 * Connect redelivers a task until it is answered, so a store keeps one record per key.
 *
 * @param requestId the purchase request
 * @param status its status
 * @param updated when Connect last updated the request, to the millisecond
 */
public record EventKey(RequestId requestId, RequestStatus status, Instant updated) {

    public EventKey {
        Values.required("id", requestId);
        Values.required("status", status);
        updated = Values.storableInstant("updated", updated);
    }

    /** The key as one stable string, e.g. {@code PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z}. */
    public String value() {
        return requestId.value() + '/' + status.wireName() + '/' + updated;
    }

    /** Reads back a key written by {@link #value()}. */
    public static EventKey parse(String value) {
        Objects.requireNonNull(value, "value");
        String[] parts = value.split("/", -1);
        if (parts.length != 3) {
            throw new InvalidEventException(
                    "key", Printable.quoted(value) + " is not of the form request/status/updated");
        }
        Instant updated;
        try {
            updated = Instant.parse(parts[2]);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidEventException("updated", Printable.quoted(parts[2]) + " is not an ISO-8601 instant");
        }
        return new EventKey(new RequestId(parts[0]), RequestStatus.fromWireName(parts[1]), updated);
    }

    @Override
    public String toString() {
        return value();
    }
}
