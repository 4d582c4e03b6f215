package dev.connectx.application.port.out;

import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many events a store keeps of each type in each status; a type or status with none is left out.
 *
 * @param byType the counts of each type, by status
 */
public record EventCounts(Map<EventType, Map<RequestStatus, Long>> byType) {

    public EventCounts {
        Map<EventType, Map<RequestStatus, Long>> copy = new EnumMap<>(EventType.class);
        byType.forEach((type, counts) -> {
            Map<RequestStatus, Long> kept = new EnumMap<>(RequestStatus.class);
            counts.forEach((status, count) -> {
                if (count > 0) {
                    kept.put(status, count);
                }
            });
            if (!kept.isEmpty()) {
                copy.put(type, Map.copyOf(kept));
            }
        });
        byType = Map.copyOf(copy);
    }

    public static EventCounts none() {
        return new EventCounts(Map.of());
    }

    /** The counts of every type together, by status. */
    public Map<RequestStatus, Long> byStatus() {
        Map<RequestStatus, Long> all = new EnumMap<>(RequestStatus.class);
        byType.values().forEach(counts -> counts.forEach((status, count) -> all.merge(status, count, Long::sum)));
        return all;
    }
}
