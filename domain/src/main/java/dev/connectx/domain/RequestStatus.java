package dev.connectx.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The status of a request as Connect reports it to a processing extension; which of them an event type's requests
 * take is {@link EventType#statuses()}.
 */
public enum RequestStatus {
    PENDING,
    APPROVED,
    FAILED,
    INQUIRING,
    SCHEDULED,
    REVOKING,
    REVOKED,
    /** Tier configuration requests only. */
    DRAFT;

    private static final String ALLOWED = joined(Arrays.asList(values()));

    /** The status as Connect spells it, e.g. {@code pending}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads a status as Connect spells it.
     *
     * @throws InvalidEventException naming {@code status} when the value is none of them
     */
    public static RequestStatus fromWireName(String value) {
        Values.required("status", value);
        for (RequestStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new InvalidEventException("status", Printable.quoted(value) + " is not one of " + ALLOWED);
    }

    /** The statuses' wire names, comma-separated, for messages. */
    static String joined(java.util.Collection<RequestStatus> statuses) {
        return statuses.stream().map(RequestStatus::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
