package dev.connectx.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store contract's read side: a request's and a subscription's events in order, filters and keyset pages, and
 * documents connectx did not write passed over and counted.
 */
public abstract class ReadSideStoreContract extends StoreContractFixture {

    @Test
    void a_requests_events_come_back_oldest_first() throws IOException {
        List<SubscriptionEvent> history = storeHistory();

        List<SubscriptionEventSummary> found =
                store.summaries(EventQuery.all().withRequestId(history.get(0).requestId()));

        assertEquals(
                List.of(history.get(0).key(), history.get(2).key()),
                found.stream().map(SubscriptionEventSummary::key).toList());
        assertEquals(history.get(2).summary(), found.get(1));
        assertSameEvent(history.get(2), store.find(found.get(1).key()).orElseThrow());
    }

    @Test
    void a_subscriptions_events_newest_first_with_ties_broken_by_key_and_counted() {
        List<SubscriptionEvent> history = storeHistory();
        EventQuery ofAssetA =
                EventQuery.all().withSubject(history.get(0).subject().id());

        List<SubscriptionEventSummary> found = store.summaries(ofAssetA.withOrder(EventQuery.Order.NEWEST_FIRST));

        // PR-…-003 and PR-…-001 changed at the same instant: the greater key comes first when newest come first.
        assertEquals(
                List.of(
                        history.get(3).key(),
                        history.get(2).key(),
                        history.get(0).key()),
                found.stream().map(SubscriptionEventSummary::key).toList());
        assertEquals(3, store.count(ofAssetA));
        assertEquals(1, store.count(ofAssetA.withStatus(RequestStatus.FAILED)));
    }

    @Test
    void filters_by_status_and_time_and_pages_after_a_key_without_gaps_or_repeats() {
        List<SubscriptionEvent> history = storeHistory();

        assertEquals(
                List.of(history.get(0).key(), history.get(1).key()),
                store.summaries(EventQuery.all().withStatus(RequestStatus.PENDING)).stream()
                        .map(SubscriptionEventSummary::key)
                        .toList());
        assertEquals(
                2,
                store.summaries(EventQuery.all().withUpdatedSince(T0.plusSeconds(120)))
                        .size(),
                "since is inclusive");

        List<EventKey> paged = new ArrayList<>();
        EventQuery page = EventQuery.all().withLimit(1);
        for (int pages = 0; pages < 10; pages++) {
            List<SubscriptionEventSummary> found = store.summaries(page);
            if (found.isEmpty()) {
                break;
            }
            paged.add(found.getFirst().key());
            page = page.withAfter(found.getFirst().key());
        }
        assertEquals(
                List.of(
                        history.get(0).key(),
                        history.get(1).key(),
                        history.get(2).key(),
                        history.get(3).key()),
                paged);
    }

    @Test
    void documents_connectx_did_not_write_are_skipped_by_every_read_and_counted_as_unreadable() throws Exception {
        List<SubscriptionEvent> history = storeHistory();
        putForeignDocument("{\"_id\": \"someone-else\", \"hello\": \"world\", \"status\": \"pending\"}");
        putForeignDocument(
                "{\"_id\": {\"$oid\": \"64b7f3f0c0ffee0000000001\"}, \"request_id\": 7, \"updated\": \"yesterday\"}");
        putForeignDocument(
                "{\"_id\": \"PR-0000/drafted/x\", \"event_type\": \"asset_purchase_request_processing\", \"request_id\": \"PR-0000\","
                        + " \"status\": \"drafted\", \"asset_id\": \"AS-0000\", \"product_id\": \"PRD-0\", \"updated\": {\"$date\": {\"$numberLong\": \"0\"}},"
                        + " \"received_at\": {\"$date\": {\"$numberLong\": \"0\"}}, \"request\": {}}");
        putForeignDocument(
                "{\"_id\": \"bad id!/pending/2026-11-01T10:00:00Z\", \"event_type\": \"asset_purchase_request_processing\","
                        + " \"request_id\": \"bad id!\", \"status\": \"pending\", \"asset_id\": \"AS-0000\", \"product_id\": \"PRD-0\","
                        + " \"updated\": {\"$date\": {\"$numberLong\": \"1761991200000\"}}, \"received_at\": {\"$date\": {\"$numberLong\": \"0\"}},"
                        + " \"request\": {}}");

        List<SubscriptionEventSummary> all = store.summaries(EventQuery.all());

        assertEquals(
                history.stream().map(SubscriptionEvent::key).toList(),
                all.stream().map(SubscriptionEventSummary::key).toList(),
                "only connectx's events, in order");
        assertEquals(
                List.of(history.get(0).key(), history.get(1).key()),
                store.summaries(EventQuery.all().withStatus(RequestStatus.PENDING)).stream()
                        .map(SubscriptionEventSummary::key)
                        .toList(),
                "the shaped document with a damaged id is skipped too");
        assertEquals(3, store.countUnreadable(), "the three documents without connectx's fields and types");
        assertEquals(1L, store.countEvents().byStatus().get(RequestStatus.APPROVED));
        assertEquals(1L, store.countEvents().byStatus().get(RequestStatus.FAILED));
        assertEquals(
                3,
                store.count(
                        EventQuery.all().withSubject(history.get(0).subject().id())));
    }
}
