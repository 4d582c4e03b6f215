package dev.connectx.application.service;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.EventsUnavailableException;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.StreamedPage;
import dev.connectx.application.port.in.TierConfigState;
import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TierConfigId;
import dev.connectx.domain.TierConfigSubject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads events back from the store. A page is found as summaries (small, whatever requests weigh),
 * then each event is read whole and handed on before the next is read: memory holds one event at a time.
 */
public final class ReadSubscriptionEventsService implements ReadSubscriptionEventsUseCase {

    private final SubscriptionEventStore store;

    public ReadSubscriptionEventsService(SubscriptionEventStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public StreamedPage events(EventsQuery query, Consumer<SubscriptionEvent> sink) {
        SubscriptionEventStore current = store;
        // One more than the page, to learn whether another follows.
        List<SubscriptionEventSummary> found =
                reading(() -> current.summaries(storeQuery(query).withLimit(query.limit() + 1)));
        boolean more = found.size() > query.limit();
        int sent = 0;
        long chars = 0;
        EventKey last = null;
        for (SubscriptionEventSummary summary : found.subList(0, Math.min(found.size(), query.limit()))) {
            Optional<SubscriptionEvent> event;
            try {
                event = current.find(summary.key());
            } catch (StoreUnavailableException e) {
                if (sent == 0) {
                    throw unavailable(e);
                }
                return new StreamedPage(sent, Optional.of(last));
            }
            if (event.isPresent()) {
                int weight = event.get().request().length();
                if (sent > 0 && chars + weight > MAX_PAGE_CHARS) {
                    return new StreamedPage(sent, Optional.of(last));
                }
                sink.accept(event.get());
                sent++;
                chars += weight;
            }
            last = summary.key(); // an event gone (or unreadable) since the summary was read is passed over
        }
        return new StreamedPage(sent, more ? Optional.of(last) : Optional.empty());
    }

    @Override
    public Optional<AssetState> assetState(AssetId assetId) {
        return reading(() -> assetStateIn(store, assetId));
    }

    private static Optional<AssetState> assetStateIn(SubscriptionEventStore current, AssetId assetId) {
        EventQuery ofAsset = EventQuery.all().withSubject(assetId);
        return newest(current, ofAsset).map(latest -> {
            AssetSubject asset = (AssetSubject) latest.subject();
            return new AssetState(
                    assetId,
                    asset.productId(),
                    latest.status(),
                    latest.requestId(),
                    latest.type(),
                    asset.assetStatus(),
                    latest.updated(),
                    current.count(ofAsset));
        });
    }

    @Override
    public Optional<TierConfigState> tierConfigState(TierConfigId tierConfigId) {
        return reading(() -> tierConfigStateIn(store, tierConfigId));
    }

    private static Optional<TierConfigState> tierConfigStateIn(SubscriptionEventStore current, TierConfigId id) {
        EventQuery ofConfig = EventQuery.all().withSubject(id);
        return newest(current, ofConfig).map(latest -> {
            TierConfigSubject config = (TierConfigSubject) latest.subject();
            return new TierConfigState(
                    id,
                    config.accountId(),
                    config.productId(),
                    config.tierLevel(),
                    latest.status(),
                    latest.requestId(),
                    latest.type(),
                    config.configStatus(),
                    latest.updated(),
                    current.count(ofConfig));
        });
    }

    /** The newest event of the query: greatest {@code updated}, ties broken by the greater key. */
    private static Optional<SubscriptionEventSummary> newest(SubscriptionEventStore current, EventQuery query) {
        return current.summaries(query.withOrder(EventQuery.Order.NEWEST_FIRST).withLimit(1)).stream()
                .findFirst();
    }

    @Override
    public Overview overview(int latest) {
        return reading(() -> overviewOf(store, latest));
    }

    private static Overview overviewOf(SubscriptionEventStore current, int latest) {
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status, 0L);
        }
        EventCounts kept = current.countEvents();
        counts.putAll(kept.byStatus());
        return new Overview(
                counts,
                kept.byType(),
                current.summaries(EventQuery.all()
                        .withOrder(EventQuery.Order.NEWEST_FIRST)
                        .withLimit(latest)),
                current.countUnreadable());
    }

    /** Runs a read of the store, saying in the port's terms when the store does not answer. */
    private static <T> T reading(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
    }

    private static EventsUnavailableException unavailable(StoreUnavailableException e) {
        return new EventsUnavailableException(e.getMessage(), e);
    }

    private static EventQuery storeQuery(EventsQuery query) {
        EventQuery stored = EventQuery.all();
        if (query.requestId().isPresent()) {
            stored = stored.withRequestId(query.requestId().get());
        }
        if (query.subjectId().isPresent()) {
            stored = stored.withSubject(query.subjectId().get());
        }
        if (query.eventType().isPresent()) {
            stored = stored.withEventType(query.eventType().get());
        }
        if (query.status().isPresent()) {
            stored = stored.withStatus(query.status().get());
        }
        if (query.since().isPresent()) {
            stored = stored.withUpdatedSince(query.since().get());
        }
        return query.after().isPresent() ? stored.withAfter(query.after().get()) : stored;
    }
}
