package dev.connectx.adapters.connect.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    private static final Instant WATERMARK = Instant.parse("2025-01-01T00:00:00Z");

    /** Statuses go in the order of {@link RequestStatus}; RQL does not care. */
    @Test
    void asset_types_that_share_their_statuses_share_a_term_as_in_the_contract() {
        HistoryQuery query = HistoryQuery.of(RequestFamily.ASSET_REQUEST, EventSubscriptions.all());
        assertEquals("requests", query.collection());
        assertEquals(
                "and(or(and(in(type,(purchase,change,adjustment)),in(status,(pending,approved,failed,inquiring,scheduled,revoking,revoked))),"
                        + "and(in(type,(suspend,resume,cancel)),in(status,(pending,approved,failed,scheduled,revoking,revoked)))),"
                        + "ge(updated,2025-01-01T00:00:00Z))&ordering(updated)&limit=100&offset=0",
                query.page(WATERMARK, 100, 0));
    }

    @Test
    void tier_config_requests_are_one_term_on_their_own_collection() {
        HistoryQuery query = HistoryQuery.of(RequestFamily.TIER_CONFIG_REQUEST, EventSubscriptions.all());
        assertEquals("tier/config-requests", query.collection());
        assertEquals(
                "and(and(in(type,(setup,update,adjustment)),in(status,(pending,approved,failed,inquiring,draft))),"
                        + "ge(updated,2025-01-01T00:00:00.250Z))&ordering(updated)&limit=50&offset=7",
                query.page(WATERMARK.plusMillis(250), 50, 7));
    }

    @Test
    void only_the_subscribed_statuses_are_asked_for() {
        EventSubscriptions approvedPurchases = new EventSubscriptions(Map.of(
                EventType.ASSET_PURCHASE_REQUEST_PROCESSING, Set.of(RequestStatus.APPROVED, RequestStatus.FAILED)));
        assertEquals(
                "and(and(in(type,(purchase)),in(status,(approved,failed))),ge(updated,2025-01-01T00:00:00Z))"
                        + "&ordering(updated)&limit=100&offset=0",
                HistoryQuery.of(RequestFamily.ASSET_REQUEST, approvedPurchases).page(WATERMARK, 100, 0));
        assertEquals(EnumSet.of(RequestFamily.ASSET_REQUEST), HistoryQuery.families(approvedPurchases));
    }
}
