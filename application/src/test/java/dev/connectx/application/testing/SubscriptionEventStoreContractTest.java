package dev.connectx.application.testing;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
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
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SubscriptionEventStore} keeps. A store implementation's test extends this class and
 * says how to open a fresh, empty store; the lifecycle part of the contract comes with it ({@link
 * LifecycleStoreContract}).
 */
public abstract class SubscriptionEventStoreContractTest extends LifecycleStoreContract {

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
}
