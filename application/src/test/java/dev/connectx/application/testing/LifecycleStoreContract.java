package dev.connectx.application.testing;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TierConfigId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store contract for a subscription's whole life: every event type, tier configurations, sources, counts by type. */
public abstract class LifecycleStoreContract extends ReadSideStoreContract {

    @Test
    void counts_events_by_type_and_status() {
        storeHistory();
        store.save(SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING)
                .withStatus(RequestStatus.DRAFT)
                .build());

        assertEquals(
                java.util.Map.of(
                        EventType.ASSET_PURCHASE_REQUEST_PROCESSING,
                        java.util.Map.of(
                                RequestStatus.PENDING, 2L, RequestStatus.APPROVED, 1L, RequestStatus.FAILED, 1L),
                        EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING,
                        java.util.Map.of(RequestStatus.DRAFT, 1L)),
                store.countEvents().byType());
        assertEquals(2L, store.countEvents().byStatus().get(RequestStatus.PENDING));
        assertTrue(store.summaries(
                        EventQuery.all().withRequestId(new dev.connectx.domain.RequestId("PR-9999-9999-9999-999")))
                .isEmpty());
        assertEquals(0, store.countUnreadable());
    }

    @Test
    void every_event_type_is_kept_once_and_read_back_whole() throws IOException {
        for (EventType type : EventType.values()) {
            SubscriptionEvent event = SubscriptionEventFixtures.anEvent(type)
                    .withRequestId(type.family().idPrefix() + "700-" + type.ordinal())
                    .withStatus(type.statuses().iterator().next())
                    .build();
            assertEquals(SaveResult.STORED, store.save(event), type.wireName());
            assertEquals(SaveResult.ALREADY_STORED, store.save(event), type.wireName() + " redelivered");
            assertSameEvent(event, readBack(event.key()));
            if (answersQueries()) {
                assertEquals(1, store.count(EventQuery.all().withEventType(type)), type.wireName());
            }
        }
        if (answersQueries()) {
            assertEquals(EventType.values().length, store.count(EventQuery.all()));
        }
    }

    @Test
    void a_backfilled_event_reads_back_as_one() throws IOException {
        SubscriptionEvent listed = aPurchaseEvent()
                .withRequestId("PR-8000-0001")
                .withoutTaskId()
                .withSource(EventSource.BACKFILL)
                .build();

        assertEquals(SaveResult.STORED, store.save(listed));

        assertEquals(EventSource.BACKFILL, readBack(listed.key()).source());
        assertSameEvent(listed, readBack(listed.key()));
    }

    @Test
    void a_tier_configurations_events_are_found_by_its_id() {
        org.junit.jupiter.api.Assumptions.assumeTrue(answersQueries(), "this store double speaks only the write path");
        SubscriptionEvent setup = SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING)
                .withRequestId("TCR-1-1")
                .withTierConfigId("TC-1-1")
                .build();
        SubscriptionEvent change = SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_CHANGE_REQUEST_PROCESSING)
                .withRequestId("TCR-1-2")
                .withTierConfigId("TC-1-1")
                .withUpdated(Instant.parse("2023-02-01T00:00:00Z"))
                .build();
        SubscriptionEvent other = SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING)
                .withRequestId("TCR-1-3")
                .withTierConfigId("TC-2-2")
                .build();
        store.save(setup);
        store.save(change);
        store.save(other);

        EventQuery ofConfig = EventQuery.all().withSubject(new TierConfigId("TC-1-1"));
        assertEquals(2, store.count(ofConfig));
        assertEquals(
                List.of(change.key(), setup.key()),
                store.summaries(ofConfig.withOrder(EventQuery.Order.NEWEST_FIRST)).stream()
                        .map(SubscriptionEventSummary::key)
                        .toList());
        assertEquals(0, store.count(EventQuery.all().withSubject(new AssetId("AS-5571-0393-2216"))));
    }
}
