package dev.connectx.application.service;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventPage;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads events back from whichever store is current. */
public final class ReadSubscriptionEventsService implements ReadSubscriptionEventsUseCase {

    private final Supplier<SubscriptionEventStore> store;

    /** @param store the current store; asked on every call, so that a store replaced at run time is used at once */
    public ReadSubscriptionEventsService(Supplier<SubscriptionEventStore> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<SubscriptionEvent> eventsOfRequest(RequestId requestId) {
        return store.get().query(EventQuery.all().withRequestId(requestId));
    }

    @Override
    public Optional<AssetState> assetState(AssetId assetId) {
        SubscriptionEventStore current = store.get();
        EventQuery ofAsset = EventQuery.all().withAssetId(assetId);
        List<SubscriptionEvent> newest = current.query(ofAsset.withOrder(EventQuery.Order.NEWEST_FIRST).withLimit(1));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        SubscriptionEvent latest = newest.getFirst();
        return Optional.of(new AssetState(assetId, latest.productId(), latest.status(), latest.requestId(), latest.updated(),
                current.count(ofAsset)));
    }

    /** Pages hold at most {@code MAX_LIMIT - 1} events: one more is read to learn whether another page follows. */
    @Override
    public EventPage events(EventQuery query) {
        int size = Math.min(query.limit(), EventQuery.MAX_LIMIT - 1);
        List<SubscriptionEvent> found = store.get().query(query.withLimit(size + 1));
        if (found.size() <= size) {
            return new EventPage(found, Optional.empty());
        }
        List<SubscriptionEvent> page = found.subList(0, size);
        return new EventPage(page, Optional.of(query.withAfter(page.getLast().key()).withLimit(size)));
    }

    @Override
    public Overview overview(int latest) {
        SubscriptionEventStore current = store.get();
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(current.countByStatus());
        return new Overview(counts, current.query(EventQuery.all().withOrder(EventQuery.Order.NEWEST_FIRST).withLimit(latest)));
    }
}
