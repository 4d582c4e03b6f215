package dev.connectx.application.port.in;

import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Driving port: what connectx has kept, read back. Every method may throw
 * {@link dev.connectx.application.port.out.StoreUnavailableException} when the store does not answer.
 */
public interface ReadSubscriptionEventsUseCase {

    /** A request's events, oldest first (at most {@value EventQuery#MAX_LIMIT}); empty when none is kept. */
    List<SubscriptionEvent> eventsOfRequest(RequestId requestId);

    /** A subscription's current state, from its newest event; empty when no event of it is kept. */
    Optional<AssetState> assetState(AssetId assetId);

    /** One page of events; {@link EventPage#next()} continues it. */
    EventPage events(EventQuery query);

    /** How many events of each status are kept, and the newest few. */
    Overview overview(int latest);

    /** Counts by status (every status present, zero when none) and the newest events, newest first. */
    record Overview(Map<RequestStatus, Long> countsByStatus, List<SubscriptionEvent> latest) {

        public Overview {
            countsByStatus = Map.copyOf(countsByStatus);
            latest = List.copyOf(latest);
        }
    }
}
