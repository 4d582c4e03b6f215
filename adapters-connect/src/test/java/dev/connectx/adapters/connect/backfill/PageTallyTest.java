package dev.connectx.adapters.connect.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.rest.ListedPage;
import dev.connectx.domain.BackfillCounts;
import dev.connectx.domain.HistoryPosition;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageTallyTest {

    private static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");

    private static ListedPage page(long last, long total, int received) {
        return new ListedPage(OptionalLong.of(total), OptionalLong.of(last), received);
    }

    @Test
    void the_watermark_moves_to_the_newest_object_and_remembers_the_ids_there() {
        PageTally tally = new PageTally(HistoryPosition.start(SINCE));
        tally.recorded("PR-1", SINCE.plusSeconds(1));
        tally.passedOver("PR-2", SINCE.plusSeconds(2));
        tally.storedBefore("PR-3", SINCE.plusSeconds(2));
        HistoryPosition next = tally.next(page(2, 250, 3), 3);
        assertEquals(SINCE.plusSeconds(2), next.watermark());
        assertEquals(Set.of("PR-2", "PR-3"), next.seenAtWatermark());
        assertEquals(new BackfillCounts(3, 250, 1, 1, 0), next.counts());
        assertFalse(next.finished());
    }

    @Test
    void a_page_from_the_watermark_passes_over_what_was_seen_there_and_counts_what_is_left() {
        HistoryPosition from = new HistoryPosition(
                SINCE.plusSeconds(2), Set.of("PR-2", "PR-3"), new BackfillCounts(3, 250, 3, 0, 0), false);
        PageTally tally = new PageTally(from);
        assertFalse(tally.isNew("PR-2", SINCE.plusSeconds(2)));
        assertFalse(tally.isNew("PR-0", SINCE.plusSeconds(1)), "older than the watermark: gone through before");
        assertTrue(tally.isNew("PR-4", SINCE.plusSeconds(2)), "at the watermark but not seen there");
        tally.recorded("PR-4", SINCE.plusSeconds(2));
        tally.recorded("PR-5", SINCE.plusSeconds(3));
        // Connect counts 249 from the watermark on: the two seen there, and 247 more; this page went through two.
        HistoryPosition next = tally.next(page(3, 249, 4), 4);
        assertEquals(new BackfillCounts(5, 5 + 245, 5, 0, 0), next.counts());
        assertEquals(Set.of("PR-5"), next.seenAtWatermark());
    }

    @Test
    void the_last_page_finishes_the_family() {
        PageTally tally = new PageTally(HistoryPosition.start(SINCE));
        tally.recorded("PR-1", SINCE.plusSeconds(1));
        assertTrue(tally.next(page(0, 1, 1), 100).finished());
        assertTrue(new PageTally(HistoryPosition.start(SINCE))
                .next(new ListedPage(OptionalLong.of(0), OptionalLong.empty(), 0), 100)
                .finished());
    }

    @Test
    void a_full_page_of_objects_seen_at_the_watermark_is_stuck_and_says_so() {
        HistoryPosition from =
                new HistoryPosition(SINCE, Set.of("PR-1", "PR-2"), new BackfillCounts(2, 9, 2, 0, 0), false);
        PageTally tally = new PageTally(from);
        ListedPage full = page(1, 9, 2);
        assertTrue(tally.stuck(full, 2));
        tally.recorded("PR-3", SINCE);
        assertFalse(tally.stuck(full, 2));
    }

    @Test
    void a_malformed_object_without_a_time_counts_but_moves_nothing() {
        PageTally tally = new PageTally(HistoryPosition.start(SINCE));
        tally.malformed(null, null);
        HistoryPosition next = tally.next(page(0, 1, 1), 100);
        assertEquals(SINCE, next.watermark());
        assertEquals(new BackfillCounts(1, 1, 0, 0, 1), next.counts());
    }
}
