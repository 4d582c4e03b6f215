package dev.connectx.application.service;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventPage;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadSubscriptionEventsServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private final ReadSubscriptionEventsService reads = new ReadSubscriptionEventsService(() -> store);

    private void store(int count) {
        for (int i = 0; i < count; i++) {
            store.save(aPurchaseEvent().withRequestId("PR-1000-0000-%04d-001".formatted(i)).withAssetId("AS-1000-0000-0001")
                    .withStatus(i % 2 == 0 ? RequestStatus.PENDING : RequestStatus.APPROVED).withUpdated(T0.plusSeconds(i)).build());
        }
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats_and_the_last_has_no_next() {
        store(5);
        List<String> seen = new ArrayList<>();
        Optional<EventQuery> next = Optional.of(EventQuery.all().withLimit(2));
        int pages = 0;
        while (next.isPresent()) {
            EventPage page = reads.events(next.get());
            page.events().forEach(event -> seen.add(event.requestId().value()));
            next = page.next();
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(List.of("PR-1000-0000-0000-001", "PR-1000-0000-0001-001", "PR-1000-0000-0002-001", "PR-1000-0000-0003-001",
                "PR-1000-0000-0004-001"), seen);
    }

    @Test
    void a_page_as_large_as_a_query_allows_still_says_whether_more_follow() {
        store(EventQuery.MAX_LIMIT + 1);

        EventPage first = reads.events(EventQuery.all().withLimit(EventQuery.MAX_LIMIT));

        assertEquals(EventQuery.MAX_LIMIT - 1, first.events().size());
        assertEquals(2, reads.events(first.next().orElseThrow()).events().size());
    }

    @Test
    void the_state_of_a_subscription_is_its_newest_event_and_its_count() {
        store(3);

        AssetState state = reads.assetState(new AssetId("AS-1000-0000-0001")).orElseThrow();

        assertEquals(RequestStatus.PENDING, state.status());
        assertEquals("PR-1000-0000-0002-001", state.requestId().value());
        assertEquals(T0.plusSeconds(2), state.changedAt());
        assertEquals(3, state.events());
        assertTrue(reads.assetState(new AssetId("AS-9999-9999-9999")).isEmpty());
    }

    @Test
    void the_overview_counts_every_status_and_lists_the_newest_first() {
        store(3);

        Overview overview = reads.overview(2);

        assertEquals(2L, overview.countsByStatus().get(RequestStatus.PENDING));
        assertEquals(0L, overview.countsByStatus().get(RequestStatus.REVOKED));
        assertEquals(7, overview.countsByStatus().size());
        assertEquals(List.of(T0.plusSeconds(2), T0.plusSeconds(1)), overview.latest().stream().map(SubscriptionEvent::updated).toList());
    }
}
