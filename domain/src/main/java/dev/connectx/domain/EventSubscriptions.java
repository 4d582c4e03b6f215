package dev.connectx.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events the extension handles: event types and, for each, the request statuses it subscribes to (a
 * non-empty part of the type's own statuses).
 *
 * @param statusesByType the subscribed statuses of each subscribed event type
 */
public record EventSubscriptions(Map<EventType, Set<RequestStatus>> statusesByType) {

    public EventSubscriptions {
        statusesByType = statusesByType.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        statusesByType.forEach((type, statuses) -> {
            if (statuses.isEmpty()) {
                throw new IllegalArgumentException("event type " + type + " subscribes to no status");
            }
            statuses.stream().filter(status -> !type.allows(status)).findFirst().ifPresent(status -> {
                throw new IllegalArgumentException(type + " has no status " + status + "; its statuses are "
                        + RequestStatus.joined(type.statuses()));
            });
        });
    }

    /** Every event type in every status of its own. */
    public static EventSubscriptions all() {
        Map<EventType, Set<RequestStatus>> all = new EnumMap<>(EventType.class);
        Arrays.stream(EventType.values()).forEach(type -> all.put(type, type.statuses()));
        return new EventSubscriptions(all);
    }

    /** Purchase request processing in all seven statuses, as the original Connect example subscribes. */
    public static EventSubscriptions allPurchaseRequestStatuses() {
        return purchaseRequests(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());
    }

    /** Purchase request processing in the given statuses. */
    public static EventSubscriptions purchaseRequests(Set<RequestStatus> statuses) {
        return new EventSubscriptions(Map.of(EventType.ASSET_PURCHASE_REQUEST_PROCESSING, statuses));
    }

    public boolean covers(EventType type, RequestStatus status) {
        Set<RequestStatus> statuses = statusesByType.get(type);
        return statuses != null && statuses.contains(status);
    }

    /** The subscribed types, in the order of {@link EventType}. */
    public Set<EventType> types() {
        return statusesByType.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(statusesByType.keySet());
    }
}
