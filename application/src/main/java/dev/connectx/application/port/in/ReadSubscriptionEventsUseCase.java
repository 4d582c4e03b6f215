package dev.connectx.application.port.in;

import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TierConfigId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Driving port: what connectx has kept, read back. Every method may throw {@link EventsUnavailableException} when the
 * store does not answer.
 */
public interface ReadSubscriptionEventsUseCase {

    /** A page may hold events whose requests weigh this much in all; a single larger event still comes alone. */
    int MAX_PAGE_CHARS = 8 * 1024 * 1024;

    /**
     * Hands one page of events to {@code sink}, one whole event at a time, so that a page is never held in memory;
     * the page ends at the query's limit or at {@value #MAX_PAGE_CHARS} characters of requests, whichever comes first.
     * Should the store fail after the page has begun, the page ends there, and its {@code next} continues from it.
     */
    StreamedPage events(EventsQuery query, Consumer<SubscriptionEvent> sink);

    /** A subscription's current state, from its newest event; empty when no event of it is kept. */
    Optional<AssetState> assetState(AssetId assetId);

    /** A tier configuration's current state, from its newest event; empty when no event of it is kept. */
    Optional<TierConfigState> tierConfigState(TierConfigId tierConfigId);

    /** How many events of each status are kept, the newest few, and how many documents are not events. */
    Overview overview(int latest);

    /**
     * Counts by status (every status present, zero when none), the newest events, newest first, and the documents of
     * the collection that are not readable as events.
     */
    record Overview(
            Map<RequestStatus, Long> countsByStatus,
            Map<EventType, Map<RequestStatus, Long>> countsByType,
            List<SubscriptionEventSummary> latest,
            long unreadable) {

        public Overview {
            countsByStatus = Map.copyOf(countsByStatus);
            countsByType = Map.copyOf(countsByType);
            latest = List.copyOf(latest);
        }
    }
}
