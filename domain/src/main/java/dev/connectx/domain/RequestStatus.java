package dev.connectx.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The status of a purchase request, one of the seven Connect reports to a processing extension. */
public enum RequestStatus {
    PENDING,
    APPROVED,
    FAILED,
    INQUIRING,
    SCHEDULED,
    REVOKING,
    REVOKED;

    private static final String ALLOWED =
            Arrays.stream(values()).map(RequestStatus::wireName).collect(Collectors.joining(", "));

    /** The status as Connect spells it, e.g. {@code pending}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads a status as Connect spells it.
     *
     * @throws InvalidEventException naming {@code status} when the value is not one of the seven
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

    @Override
    public String toString() {
        return wireName();
    }
}
