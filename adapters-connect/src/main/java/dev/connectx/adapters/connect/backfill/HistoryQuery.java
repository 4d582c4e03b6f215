package dev.connectx.adapters.connect.backfill;

import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The list query of one request family: its collection, and an RQL filter on the subscribed types and statuses
 * (types that share their statuses share a term) and on {@code ge(updated,<watermark>)}, ordered by {@code updated}
 * (watermark paging, {@code docs/backfill.md}).
 */
final class HistoryQuery {

    private final RequestFamily family;
    private final String typeFilter;

    private HistoryQuery(RequestFamily family, String typeFilter) {
        this.family = family;
        this.typeFilter = typeFilter;
    }

    /** The families with at least one subscribed type, in a fixed order. */
    static Set<RequestFamily> families(EventSubscriptions subscriptions) {
        return subscriptions.types().stream()
                .map(EventType::family)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(RequestFamily.class)));
    }

    static HistoryQuery of(RequestFamily family, EventSubscriptions subscriptions) {
        Map<Set<RequestStatus>, List<EventType>> typesByStatuses = new LinkedHashMap<>();
        subscriptions.types().stream()
                .filter(type -> type.family() == family)
                .forEach(type -> typesByStatuses
                        .computeIfAbsent(
                                new TreeSet<>(subscriptions.statusesByType().get(type)),
                                statuses -> new java.util.ArrayList<>())
                        .add(type));
        if (typesByStatuses.isEmpty()) {
            throw new IllegalArgumentException("no subscribed type of " + family);
        }
        List<String> terms = typesByStatuses.entrySet().stream()
                .map(group -> "and(in(type,("
                        + group.getValue().stream().map(EventType::requestType).collect(Collectors.joining(","))
                        + ")),in(status,("
                        + group.getKey().stream().map(RequestStatus::wireName).collect(Collectors.joining(","))
                        + ")))")
                .toList();
        return new HistoryQuery(family, terms.size() == 1 ? terms.getFirst() : "or(" + String.join(",", terms) + ")");
    }

    /** The collection under {@code /public/v1}. */
    String collection() {
        return switch (family) {
            case ASSET_REQUEST -> "requests";
            case TIER_CONFIG_REQUEST -> "tier/config-requests";
        };
    }

    /** The query string of one page: objects updated at or after the watermark, oldest first. */
    String page(Instant watermark, int limit, int offset) {
        return "and(" + typeFilter + ",ge(updated," + DateTimeFormatter.ISO_INSTANT.format(watermark)
                + "))&ordering(updated)&limit=" + limit + "&offset=" + offset;
    }
}
