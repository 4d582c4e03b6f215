package dev.connectx.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nine request events of a subscription's life that Connect delivers to a background extension, each with the
 * family of its request, the request {@code type} it stands for, and the statuses an extension may subscribe to.
 *
 * <p>This is the one place that knows the types. Where the platform's facts are uncertain, the choice is made here:
 * suspend, resume and cancel requests leave out {@code inquiring} (the platform-generated lists of 2024 do; older
 * lists have it); tier configuration requests include {@code draft}; the change of a tier configuration is the
 * request type {@code update}.
 */
public enum EventType {
    ASSET_PURCHASE_REQUEST_PROCESSING(RequestFamily.ASSET_REQUEST, "purchase", Statuses.ASSET_ALL),
    ASSET_CHANGE_REQUEST_PROCESSING(RequestFamily.ASSET_REQUEST, "change", Statuses.ASSET_ALL),
    ASSET_SUSPEND_REQUEST_PROCESSING(RequestFamily.ASSET_REQUEST, "suspend", Statuses.ASSET_WITHOUT_INQUIRING),
    ASSET_RESUME_REQUEST_PROCESSING(RequestFamily.ASSET_REQUEST, "resume", Statuses.ASSET_WITHOUT_INQUIRING),
    ASSET_CANCEL_REQUEST_PROCESSING(RequestFamily.ASSET_REQUEST, "cancel", Statuses.ASSET_WITHOUT_INQUIRING),
    ASSET_ADJUSTMENT_REQUEST_PROCESSING(RequestFamily.ASSET_REQUEST, "adjustment", Statuses.ASSET_ALL),
    TIER_CONFIG_SETUP_REQUEST_PROCESSING(RequestFamily.TIER_CONFIG_REQUEST, "setup", Statuses.TIER_CONFIG),
    TIER_CONFIG_CHANGE_REQUEST_PROCESSING(RequestFamily.TIER_CONFIG_REQUEST, "update", Statuses.TIER_CONFIG),
    TIER_CONFIG_ADJUSTMENT_REQUEST_PROCESSING(RequestFamily.TIER_CONFIG_REQUEST, "adjustment", Statuses.TIER_CONFIG);

    private static final String ALLOWED =
            Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));

    private final RequestFamily family;
    private final String requestType;
    private final Set<RequestStatus> statuses;

    EventType(RequestFamily family, String requestType, Set<RequestStatus> statuses) {
        this.family = family;
        this.requestType = requestType;
        this.statuses = statuses;
    }

    /** The event type as Connect spells it, e.g. {@code asset_purchase_request_processing}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public RequestFamily family() {
        return family;
    }

    /** The request's {@code type} for this event, e.g. {@code purchase}, {@code suspend}, {@code update}. */
    public String requestType() {
        return requestType;
    }

    /** The statuses an extension may subscribe to, in Connect's order. */
    public Set<RequestStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }

    /**
     * Reads a status of this type's requests as Connect spells it.
     *
     * @throws InvalidEventException naming {@code status} when it is not one of this type's
     */
    public RequestStatus status(String value) {
        Values.required("status", value);
        return findStatus(value).orElseThrow(() -> notOneOfItsStatuses(value));
    }

    /** A status of this type's requests as Connect spells it; empty for null or any other text. */
    public Optional<RequestStatus> findStatus(String value) {
        for (RequestStatus status : statuses) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether this type's requests take the status, without copying the list. */
    public boolean allows(RequestStatus status) {
        return statuses.contains(status);
    }

    /** The refusal of a status outside this type's, naming {@code status} and listing the type's own. */
    InvalidEventException notOneOfItsStatuses(String value) {
        return new InvalidEventException(
                "status", Printable.quoted(value) + " is not one of " + RequestStatus.joined(statuses));
    }

    /** The type of a request of this family and {@code type} (e.g. {@code TCR-…} and {@code update}), if any. */
    public static Optional<EventType> of(RequestFamily family, String requestType) {
        return Arrays.stream(values())
                .filter(type -> type.family == family && type.requestType.equals(requestType))
                .findFirst();
    }

    /** The type Connect names so, if connectx knows it. */
    public static Optional<EventType> find(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName().equals(wireName))
                .findFirst();
    }

    /**
     * Reads an event type as Connect spells it.
     *
     * @throws InvalidEventException naming {@code event_type} when it is not one of the nine
     */
    public static EventType fromWireName(String value) {
        Values.required("event_type", value);
        return find(value)
                .orElseThrow(() ->
                        new InvalidEventException("event_type", Printable.quoted(value) + " is not one of " + ALLOWED));
    }

    /** Every type, comma-separated, for messages. */
    public static String allowed() {
        return ALLOWED;
    }

    @Override
    public String toString() {
        return wireName();
    }

    /** The status lists, apart from the constants so that the constants can name them. */
    private static final class Statuses {
        static final Set<RequestStatus> ASSET_ALL = EnumSet.of(
                RequestStatus.PENDING,
                RequestStatus.APPROVED,
                RequestStatus.FAILED,
                RequestStatus.INQUIRING,
                RequestStatus.SCHEDULED,
                RequestStatus.REVOKING,
                RequestStatus.REVOKED);
        static final Set<RequestStatus> ASSET_WITHOUT_INQUIRING = EnumSet.of(
                RequestStatus.PENDING,
                RequestStatus.APPROVED,
                RequestStatus.FAILED,
                RequestStatus.SCHEDULED,
                RequestStatus.REVOKING,
                RequestStatus.REVOKED);
        static final Set<RequestStatus> TIER_CONFIG = EnumSet.of(
                RequestStatus.DRAFT,
                RequestStatus.PENDING,
                RequestStatus.INQUIRING,
                RequestStatus.APPROVED,
                RequestStatus.FAILED);
    }
}
