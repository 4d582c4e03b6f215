package dev.connectx.application.service;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordOutcome.Result;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordSubscriptionEventServiceTest {

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private final RecordSubscriptionEventService service =
            new RecordSubscriptionEventService(store, EventSubscriptions.allPurchaseRequestStatuses());

    private RecordOutcome record(SubscriptionEvent event) {
        return service.record(new RecordSubscriptionEventCommand(event));
    }

    @Test
    void a_stored_event_is_a_success() {
        RecordOutcome outcome = record(aPurchaseEvent().build());

        assertEquals(Result.SUCCESS, outcome.result());
        assertEquals("stored PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z", outcome.message());
        assertEquals(1, store.events().size());
    }

    @Test
    void a_redelivered_event_is_a_success_that_stores_nothing_more() {
        record(aPurchaseEvent().build());
        RecordOutcome outcome = record(aPurchaseEvent().withTaskId("TQ-2").build());

        assertEquals(Result.SUCCESS, outcome.result());
        assertTrue(outcome.message().startsWith("already stored"), outcome.message());
        assertEquals(1, store.events().size());
    }

    @Test
    void an_unsubscribed_status_is_skipped_and_not_stored() {
        RecordSubscriptionEventService onlyApproved = new RecordSubscriptionEventService(
                store, EventSubscriptions.purchaseRequests(EnumSet.of(RequestStatus.APPROVED)));

        RecordOutcome outcome = onlyApproved.record(
                new RecordSubscriptionEventCommand(aPurchaseEvent().build()));

        assertEquals(Result.SKIP, outcome.result());
        assertEquals("not subscribed to asset_purchase_request_processing in status pending", outcome.message());
        assertEquals(0, store.events().size());
    }

    @Test
    void an_unreachable_store_means_retry() {
        store.makeUnavailable(true);

        RecordOutcome outcome = record(aPurchaseEvent().build());

        assertEquals(Result.RETRY, outcome.result());
        assertTrue(outcome.message().startsWith("store unavailable: "), outcome.message());
    }

    @Test
    void an_event_the_store_can_never_take_fails_with_the_reason() {
        RecordOutcome outcome = record(aPurchaseEvent()
                .withPayload("{\"blob\":\"" + "z".repeat(InMemorySubscriptionEventStore.MAX_PAYLOAD_CHARS) + "\"}")
                .build());

        assertEquals(Result.FAIL, outcome.result());
        assertTrue(outcome.message().contains("over the store's limit"), outcome.message());
    }

    @Test
    void an_unexpected_store_failure_means_retry_without_its_message() {
        SubscriptionEventStore broken = new FailingStore(new IllegalStateException("mongodb://user:s3cret@host"));
        RecordOutcome outcome = new RecordSubscriptionEventService(
                        broken, EventSubscriptions.allPurchaseRequestStatuses())
                .record(new RecordSubscriptionEventCommand(aPurchaseEvent().build()));

        assertEquals(Result.RETRY, outcome.result());
        assertEquals("unexpected store failure: IllegalStateException", outcome.message());
    }

    private static final class FailingStore implements SubscriptionEventStore {
        private final RuntimeException failure;

        FailingStore(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public SaveResult save(SubscriptionEvent event) {
            throw failure;
        }

        @Override
        public Optional<SubscriptionEvent> find(EventKey key) {
            throw failure;
        }

        @Override
        public List<dev.connectx.domain.SubscriptionEventSummary> summaries(EventQuery query) {
            throw failure;
        }

        @Override
        public long countUnreadable() {
            throw failure;
        }

        @Override
        public long count(EventQuery query) {
            throw failure;
        }

        @Override
        public EventCounts countEvents() {
            throw failure;
        }

        @Override
        public boolean isReachable() {
            return false;
        }

        @Override
        public String describe() {
            return "failing";
        }

        @Override
        public void close() {}
    }

    @Test
    void handlers_get_the_event_once_stored_and_told_whether_it_was_stored_before() {
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordedHandler handler = RecordedHandler.done("h", journal);
        RecordSubscriptionEventService handled = withHandlers(handler);

        RecordOutcome first = handled.record(
                new RecordSubscriptionEventCommand(aPurchaseEvent().build()));
        RecordOutcome again = handled.record(
                new RecordSubscriptionEventCommand(aPurchaseEvent().build()));

        assertEquals(Result.SUCCESS, first.result());
        assertEquals(
                List.of(false, true),
                handler.calls().stream().map(call -> call.repeat()).toList());
        assertEquals(1, store.events().size(), "the handler saw the event in the store: " + handler.calls());
    }

    @Test
    void a_handler_retry_answers_retry_and_the_event_stays_stored_once() {
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordSubscriptionEventService handled = withHandlers(new RecordedHandler("crm", journal, event -> {
            throw new IllegalStateException("CRM down");
        }));

        RecordOutcome first = handled.record(
                new RecordSubscriptionEventCommand(aPurchaseEvent().build()));
        RecordOutcome again = handled.record(
                new RecordSubscriptionEventCommand(aPurchaseEvent().build()));

        assertEquals(Result.RETRY, first.result());
        assertTrue(first.storedNow(), "stored before the handler ran");
        assertEquals("handler crm: threw java.lang.IllegalStateException: CRM down", first.message());
        assertEquals(Result.RETRY, again.result());
        assertTrue(again.foundStored());
        assertEquals(1, store.events().size());
        assertEquals(List.of("crm", "crm"), journal);
    }

    @Test
    void handlers_do_not_run_for_a_skipped_event() {
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordedHandler handler = RecordedHandler.done("h", journal);
        RecordSubscriptionEventService onlyApproved = new RecordSubscriptionEventService(
                store,
                EventSubscriptions.purchaseRequests(EnumSet.of(RequestStatus.APPROVED)),
                new EventHandlerChain(
                        List.of(handler), java.time.Duration.ofSeconds(5), 4, java.time.Clock.systemUTC()));

        assertEquals(
                Result.SKIP,
                onlyApproved
                        .record(new RecordSubscriptionEventCommand(
                                aPurchaseEvent().build()))
                        .result());
        assertEquals(List.of(), journal);
    }

    @Test
    void a_backfilled_event_is_kept_and_handed_to_no_handler() {
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();

        RecordOutcome backfilled = withHandlers(RecordedHandler.done("h", journal))
                .record(new RecordSubscriptionEventCommand(aPurchaseEvent()
                        .withSource(dev.connectx.domain.EventSource.BACKFILL)
                        .build()));

        assertTrue(backfilled.storedNow());
        assertEquals(List.of(), journal, "the history is the past: no handler acts on it");
    }

    private RecordSubscriptionEventService withHandlers(RecordedHandler handler) {
        return new RecordSubscriptionEventService(
                store,
                EventSubscriptions.allPurchaseRequestStatuses(),
                new EventHandlerChain(
                        List.of(handler), java.time.Duration.ofSeconds(5), 4, java.time.Clock.systemUTC()));
    }
}
