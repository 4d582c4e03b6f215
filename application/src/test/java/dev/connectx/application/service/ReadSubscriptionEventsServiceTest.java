package dev.connectx.application.service;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.EventsUnavailableException;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import dev.connectx.application.port.in.StreamedPage;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadSubscriptionEventsServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private final ReadSubscriptionEventsService reads = new ReadSubscriptionEventsService(store);

    private void store(int count, int requestChars) {
        for (int i = 0; i < count; i++) {
            String padding = "x".repeat(Math.max(0, requestChars - 200));
            store.save(aPurchaseEvent()
                    .withRequestId("PR-1000-0000-%04d-001".formatted(i))
                    .withAssetId("AS-1000-0000-0001")
                    .withStatus(i % 2 == 0 ? RequestStatus.PENDING : RequestStatus.APPROVED)
                    .withUpdated(T0.plusSeconds(i))
                    .withPayload("{\"id\":\"PR-1000-0000-%04d-001\",\"padding\":\"%s\"}".formatted(i, padding))
                    .build());
        }
    }

    private List<String> readAll(EventsQuery first, List<Integer> pageSizes) {
        List<String> seen = new ArrayList<>();
        Optional<EventsQuery> next = Optional.of(first);
        for (int pages = 0; next.isPresent() && pages < 100; pages++) {
            List<SubscriptionEvent> page = new ArrayList<>();
            StreamedPage end = reads.events(next.get(), page::add);
            assertEquals(page.size(), end.events());
            pageSizes.add(page.size());
            page.forEach(event -> seen.add(event.requestId().value()));
            next = end.next().map(first::withAfter);
        }
        return seen;
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats_and_the_last_has_no_next() {
        store(5, 300);
        List<Integer> sizes = new ArrayList<>();

        List<String> seen = readAll(EventsQuery.all().withLimit(2), sizes);

        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(
                List.of(
                        "PR-1000-0000-0000-001",
                        "PR-1000-0000-0001-001",
                        "PR-1000-0000-0002-001",
                        "PR-1000-0000-0003-001",
                        "PR-1000-0000-0004-001"),
                seen);
    }

    @Test
    void a_page_as_large_as_a_query_allows_still_says_whether_more_follow() {
        store(EventsQuery.MAX_LIMIT + 1, 300);
        List<Integer> sizes = new ArrayList<>();

        readAll(EventsQuery.all().withLimit(EventsQuery.MAX_LIMIT), sizes);

        assertEquals(List.of(EventsQuery.MAX_LIMIT, 1), sizes);
    }

    @Test
    void pages_end_at_their_size_in_characters_and_an_event_larger_than_a_page_comes_alone() {
        int third = ReadSubscriptionEventsUseCase.MAX_PAGE_CHARS / 3;
        store(4, third);
        store.save(aPurchaseEvent()
                .withRequestId("PR-2000-0000-0000-001")
                .withUpdated(T0.plusSeconds(100))
                .withPayload("{\"id\":\"PR-2000-0000-0000-001\",\"padding\":\""
                        + "y".repeat(ReadSubscriptionEventsUseCase.MAX_PAGE_CHARS + 10) + "\"}")
                .build());
        List<Integer> sizes = new ArrayList<>();

        List<String> seen = readAll(EventsQuery.all().withLimit(50), sizes);

        assertEquals(List.of(3, 1, 1), sizes, "three thirds fill a page; the oversized event comes alone");
        assertEquals(5, seen.stream().distinct().count());
    }

    @Test
    void events_are_handed_out_one_by_one_as_they_are_read() {
        store(3, 300);
        List<Integer> heldWhenHanded = new ArrayList<>();
        List<SubscriptionEvent> received = new ArrayList<>();

        reads.events(EventsQuery.all(), event -> {
            heldWhenHanded.add(received.size());
            received.add(event);
        });

        assertEquals(List.of(0, 1, 2), heldWhenHanded);
    }

    @Test
    void a_store_failure_before_the_first_event_fails_the_read_and_after_it_ends_the_page_early() {
        store(4, 300);
        assertThrows(EventsUnavailableException.class, () -> {
            store.makeUnavailable(true);
            reads.events(EventsQuery.all(), event -> {});
        });
        store.makeUnavailable(false);

        List<SubscriptionEvent> received = new ArrayList<>();
        StreamedPage end = reads.events(EventsQuery.all(), event -> {
            received.add(event);
            if (received.size() == 2) {
                store.makeUnavailable(true);
            }
        });

        assertEquals(2, end.events());
        assertEquals(
                received.get(1).key(),
                end.next().orElseThrow(),
                "the next page starts after the last event handed out");
    }

    @Test
    void the_state_of_a_subscription_is_its_newest_event_and_its_count() {
        store(3, 300);

        AssetState state = reads.assetState(new AssetId("AS-1000-0000-0001")).orElseThrow();

        assertEquals(RequestStatus.PENDING, state.status());
        assertEquals("PR-1000-0000-0002-001", state.requestId().value());
        assertEquals(T0.plusSeconds(2), state.changedAt());
        assertEquals(3, state.events());
        assertTrue(reads.assetState(new AssetId("AS-9999-9999-9999")).isEmpty());
    }

    @Test
    void the_overview_counts_every_status_and_lists_the_newest_first() {
        store(3, 300);

        Overview overview = reads.overview(2);

        assertEquals(2L, overview.countsByStatus().get(RequestStatus.PENDING));
        assertEquals(0L, overview.countsByStatus().get(RequestStatus.REVOKED));
        assertEquals(RequestStatus.values().length, overview.countsByStatus().size());
        assertEquals(
                List.of(T0.plusSeconds(2), T0.plusSeconds(1)),
                overview.latest().stream()
                        .map(SubscriptionEventSummary::updated)
                        .toList());
        assertEquals(0, overview.unreadable());
    }
}
