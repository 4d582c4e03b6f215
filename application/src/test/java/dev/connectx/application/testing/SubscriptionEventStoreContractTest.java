package dev.connectx.application.testing;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TierConfigId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SubscriptionEventStore} keeps. A store implementation's test extends this class and
 * says how to open a fresh, empty store.
 */
public abstract class SubscriptionEventStoreContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected SubscriptionEventStore store;

    /** Opens a store that holds no events yet (e.g. on a new collection). */
    protected abstract SubscriptionEventStore openEmptyStore() throws Exception;

    /**
     * Puts a document connectx did not write into the store's collection, as canonical Extended JSON; stores that
     * hold only what connectx writes (the in-memory fake) skip the tests that need one.
     */
    protected void putForeignDocument(String extendedJson) throws Exception {
        Assumptions.abort("this store holds only what connectx writes");
    }

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    // --- reading back (the read side) -------------------------------------------------------------------

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /**
     * Whether the store under test reads queries back; a test double that speaks only the write path says no, and
     * the read-side tests are reported as skipped for it.
     */
    protected boolean answersQueries() {
        return true;
    }

    /** Request PR-…-001 pending then approved on asset A; PR-…-002 pending on asset B; PR-…-003 failed on A. */
    private List<SubscriptionEvent> storeHistory() {
        org.junit.jupiter.api.Assumptions.assumeTrue(answersQueries(), "this store double speaks only the write path");
        List<SubscriptionEvent> history = List.of(
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-001")
                        .withAssetId("AS-1000-0000-0001")
                        .withStatus(RequestStatus.PENDING)
                        .withUpdated(T0)
                        .build(),
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-002")
                        .withAssetId("AS-1000-0000-0002")
                        .withStatus(RequestStatus.PENDING)
                        .withUpdated(T0.plusSeconds(60))
                        .build(),
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-001")
                        .withAssetId("AS-1000-0000-0001")
                        .withStatus(RequestStatus.APPROVED)
                        .withUpdated(T0.plusSeconds(120))
                        .build(),
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-003")
                        .withAssetId("AS-1000-0000-0001")
                        .withStatus(RequestStatus.FAILED)
                        .withUpdated(T0.plusSeconds(120))
                        .build());
        // Saved out of order: the store orders, not the arrival.
        for (int i : new int[] {3, 1, 0, 2}) {
            store.save(history.get(i));
        }
        return history;
    }

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

    @Test
    void stores_an_event_and_reads_it_back_whole() throws IOException {
        SubscriptionEvent event = aPurchaseEvent().build();

        assertEquals(SaveResult.STORED, store.save(event));

        assertSameEvent(event, readBack(event.key()));
    }

    @Test
    void a_second_delivery_of_the_same_event_stores_nothing_and_the_first_stays() throws IOException {
        SubscriptionEvent first = aPurchaseEvent()
                .withTaskId("TQ-1")
                .withReceivedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .build();
        SubscriptionEvent redelivered = aPurchaseEvent()
                .withTaskId("TQ-2")
                .withReceivedAt(Instant.parse("2026-01-01T00:05:00Z"))
                .build();

        assertEquals(SaveResult.STORED, store.save(first));
        assertEquals(SaveResult.ALREADY_STORED, store.save(redelivered));

        assertSameEvent(first, readBack(first.key()));
    }

    @Test
    void concurrent_deliveries_of_one_event_store_it_once() throws Exception {
        SubscriptionEvent event = aPurchaseEvent().build();
        int deliveries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SaveResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.save(event);
                }));
            }
            start.countDown();
            long stored = 0;
            for (Future<SaveResult> result : results) {
                if (result.get(30, TimeUnit.SECONDS) == SaveResult.STORED) {
                    stored++;
                }
            }
            assertEquals(1, stored, "exactly one delivery stores the event");
        }
        assertTrue(store.find(event.key()).isPresent());
    }

    @Test
    void each_status_of_a_request_is_its_own_event() throws IOException {
        for (RequestStatus status : EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses()) {
            assertEquals(
                    SaveResult.STORED,
                    store.save(aPurchaseEvent().withStatus(status).build()),
                    status.wireName());
        }
        for (RequestStatus status : EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses()) {
            SubscriptionEvent expected = aPurchaseEvent().withStatus(status).build();
            assertSameEvent(expected, readBack(expected.key()));
        }
    }

    @Test
    void a_later_update_in_the_same_status_is_a_new_event() {
        SubscriptionEvent first =
                aPurchaseEvent().withStatus(RequestStatus.INQUIRING).build();
        SubscriptionEvent later = aPurchaseEvent()
                .withStatus(RequestStatus.INQUIRING)
                .withUpdated(first.updated().plusSeconds(60))
                .build();

        assertEquals(SaveResult.STORED, store.save(first));
        assertEquals(SaveResult.STORED, store.save(later));
    }

    @Test
    void keeps_the_metadata_with_and_without_a_task() throws IOException {
        SubscriptionEvent withTask = aPurchaseEvent()
                .withRequestId("PR-1-1")
                .withAssetId("AS-1")
                .withTaskId("TQ-0001-0002")
                .withReceivedAt(Instant.parse("2026-11-26T08:09:10.456Z"))
                .build();
        SubscriptionEvent withoutTask =
                aPurchaseEvent().withRequestId("PR-1-2").withoutTaskId().build();
        store.save(withTask);
        store.save(withoutTask);

        SubscriptionEvent readWithTask = readBack(withTask.key());
        assertEquals("AS-1", readWithTask.subject().id().value());
        assertEquals("PRD-276-377-545", readWithTask.subject().productId().value());
        assertEquals("TQ-0001-0002", readWithTask.taskId().orElseThrow().value());
        assertEquals(Instant.parse("2026-11-26T08:09:10.456Z"), readWithTask.receivedAt());
        assertEquals(Optional.empty(), readBack(withoutTask.key()).taskId());
    }

    @Test
    void an_unknown_key_reads_back_empty() {
        assertEquals(
                Optional.empty(),
                store.find(aPurchaseEvent().withRequestId("PR-404").build().key()));
    }

    @Test
    void keeps_a_large_payload_unchanged() throws IOException {
        String filler = "x".repeat(1024);
        StringBuilder json = new StringBuilder("{\"id\":\"PR-9\",\"items\":[");
        for (int i = 0; i < 4 * 1024; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"n\":")
                    .append(i)
                    .append(",\"note\":\"")
                    .append(filler)
                    .append("\"}");
        }
        SubscriptionEvent event =
                aPurchaseEvent().withPayload(json.append("]}").toString()).build();

        assertEquals(SaveResult.STORED, store.save(event));

        assertSameEvent(event, readBack(event.key()));
    }

    @Test
    void keeps_a_deeply_nested_payload_unchanged() throws IOException {
        int depth = 60;
        String json = "{\"level\":".repeat(depth) + "\"bottom\"" + "}".repeat(depth);
        SubscriptionEvent event = aPurchaseEvent().withPayload(json).build();

        assertEquals(SaveResult.STORED, store.save(event));

        assertSameEvent(event, readBack(event.key()));
    }

    @Test
    void keeps_field_names_with_dots_and_dollars_and_odd_values_unchanged() throws IOException {
        String json = """
                {"id":"PR-1","a.b":1,"$c":{"d.e$":2,"$oid":"not-an-object-id","$date":"not a date"},
                 "unicode":"Grüße, 世界 🚀","escaped":"tab\\t quote\\" nul\\u0000 end","empty":{},"list":[1,2.5,-3,true,false,null,"s",[],{}],
                 "big":9007199254740993,"small":-2147483649,"precise":0.1,"exp":1.5E300}""";
        SubscriptionEvent event = aPurchaseEvent().withPayload(json).build();

        assertEquals(SaveResult.STORED, store.save(event));

        assertSameEvent(event, readBack(event.key()));
    }

    @Test
    void refuses_a_payload_over_the_sixteen_mib_document_limit_and_keeps_nothing() {
        String json = "{\"id\":\"PR-9\",\"blob\":\"" + "y".repeat(17 * 1024 * 1024) + "\"}";
        SubscriptionEvent event = aPurchaseEvent().withPayload(json).build();

        EventRejectedException e = assertThrows(EventRejectedException.class, () -> store.save(event));

        assertTrue(e.getMessage().contains("16 MiB") || e.getMessage().contains("limit"), e.getMessage());
        assertEquals(Optional.empty(), store.find(event.key()));
    }

    @Test
    void says_it_is_reachable_and_describes_itself_without_secrets() {
        assertTrue(store.isReachable());
        assertFalse(store.describe().isBlank());
        assertFalse(store.describe().toLowerCase(java.util.Locale.ROOT).contains("password"), store.describe());
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

    private SubscriptionEvent readBack(EventKey key) {
        return store.find(key).orElseThrow(() -> new AssertionError("no event stored under " + key));
    }

    private static void assertSameEvent(SubscriptionEvent expected, SubscriptionEvent actual) throws IOException {
        assertEquals(expected.key(), actual.key());
        assertEquals(expected.type(), actual.type());
        assertEquals(expected.subject(), actual.subject());
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.receivedAt(), actual.receivedAt());
        assertEquals(expected.taskId(), actual.taskId());
        JsonNode expectedPayload = JSON.readTree(expected.request().json());
        JsonNode actualPayload = JSON.readTree(actual.request().json());
        assertEquals(expectedPayload, actualPayload, "the request is kept unchanged");
    }
}
