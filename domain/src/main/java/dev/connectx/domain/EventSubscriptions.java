package dev.connectx.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events the extension handles: event types and, for each, the request statuses it subscribes to.
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
        });
    }

    /** Purchase request processing in all seven statuses, as the original Connect example subscribes. */
    public static EventSubscriptions allPurchaseRequestStatuses() {
        return purchaseRequests(EnumSet.allOf(RequestStatus.class));
    }

    /** Purchase request processing in the given statuses. */
    public static EventSubscriptions purchaseRequests(Set<RequestStatus> statuses) {
        return new EventSubscriptions(Map.of(EventType.ASSET_PURCHASE_REQUEST_PROCESSING, statuses));
    }

    public boolean covers(EventType type, RequestStatus status) {
        Set<RequestStatus> statuses = statusesByType.get(type);
        return statuses != null && statuses.contains(status);
    }
}
