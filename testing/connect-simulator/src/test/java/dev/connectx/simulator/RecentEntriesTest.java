package dev.connectx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentEntriesTest {

    @Test
    void keeps_only_the_most_recent_entries() {
        RecentEntries<Integer> entries = new RecentEntries<>(3);
        for (int i = 1; i <= 5; i++) {
            entries.add(i);
        }
        assertEquals(List.of(3, 4, 5), entries.snapshot());
    }

    @Test
    void take_removes_the_first_match() {
        RecentEntries<String> entries = new RecentEntries<>(10);
        entries.add("a");
        entries.add("b");

        assertEquals(Optional.of("b"), entries.take("b"::equals));
        assertEquals(List.of("a"), entries.snapshot());
        assertEquals(Optional.empty(), entries.take("b"::equals));
    }
}
