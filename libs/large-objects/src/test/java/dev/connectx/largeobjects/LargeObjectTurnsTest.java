package dev.connectx.largeobjects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LargeObjectTurnsTest {

    @Test
    void a_second_taker_waits_until_the_first_gives_its_turn_back() throws Exception {
        LargeObjectTurns turns = new LargeObjectTurns(1);
        LargeObjectTurns.Turn first = turns.take();

        assertTrue(turns.tryTake(Duration.ofMillis(20)).isEmpty(), "no turn while the only one is held");
        CompletableFuture<LargeObjectTurns.Turn> second = CompletableFuture.supplyAsync(() -> {
            try {
                return turns.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(second.isDone(), "the second waits");

        first.close();
        second.get(5, TimeUnit.SECONDS).close();
        assertEquals(1, turns.free());
    }

    @Test
    void closing_a_turn_twice_gives_back_one_turn() throws Exception {
        LargeObjectTurns turns = new LargeObjectTurns(2);
        LargeObjectTurns.Turn turn = turns.take();

        turn.close();
        turn.close();
        LargeObjectTurns.Turn.none().close();

        assertEquals(2, turns.free());
    }

    @Test
    void only_objects_over_the_threshold_or_of_unknown_size_are_large() {
        assertFalse(LargeObjectTurns.isLarge(LargeObjectTurns.LARGE_BYTES));
        assertTrue(LargeObjectTurns.isLarge(LargeObjectTurns.LARGE_BYTES + 1L));
        assertTrue(LargeObjectTurns.isLarge(-1));
        assertThrows(IllegalArgumentException.class, () -> new LargeObjectTurns(0));
    }

    @Test
    void a_larger_heap_gets_more_turns_up_to_four() {
        long mib = 1024 * 1024;
        assertEquals(
                1, LargeObjectTurns.forHeap(186 * mib).count(), "the launcher's 192 MiB heap, less a survivor space");
        assertEquals(1, LargeObjectTurns.forHeap(64 * mib).count());
        assertEquals(2, LargeObjectTurns.forHeap(496 * mib).count(), "-Xmx512m");
        assertEquals(4, LargeObjectTurns.forHeap(768 * mib).count());
        assertEquals(4, LargeObjectTurns.forHeap(16L * 1024 * mib).count());
    }

    @Test
    void a_small_object_never_waits_and_a_large_one_waits_for_the_turn() throws Exception {
        LargeObjectTurns turns = new LargeObjectTurns(1);
        try (LargeObjectTurns.Turn held = turns.take()) {
            turns.tryTakeFor(1024, Duration.ofMillis(20))
                    .orElseThrow(() -> new AssertionError("small: at once"))
                    .close();
            assertTrue(turns.tryTakeFor(LargeObjectTurns.LARGE_BYTES + 1L, Duration.ofMillis(20))
                    .isEmpty());
            assertTrue(turns.tryTakeFor(-1, Duration.ofMillis(20)).isEmpty(), "unknown size counts as large");
        }
        assertEquals(1, turns.free(), "a small object's turn gave nothing back it had not taken");
    }
}
