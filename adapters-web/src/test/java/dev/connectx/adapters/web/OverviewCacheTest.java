package dev.connectx.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How often the status counts the store: on a clock the test moves, so no timing decides the outcome. */
class OverviewCacheTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger counts = new AtomicInteger();
    private volatile long countTakes = 10 * MS;

    private Overview count() {
        counts.incrementAndGet();
        now.addAndGet(countTakes);
        return new Overview(Map.of(), Map.of(), List.of(), counts.get());
    }

    private final OverviewCache cache = new OverviewCache(this::count, now::get);

    @Test
    void a_quick_count_serves_for_a_second() {
        Overview first = cache.get();
        now.addAndGet(900 * MS);
        assertSame(first, cache.get());
        now.addAndGet(200 * MS);
        cache.get();

        assertEquals(2, counts.get());
    }

    @Test
    void a_slow_count_serves_ten_times_as_long_as_it_took_and_never_over_a_minute() {
        countTakes = 3_000 * MS;
        Overview slow = cache.get();
        now.addAndGet(29_000 * MS);
        assertSame(slow, cache.get(), "a 3 s count serves for 30 s");
        now.addAndGet(2_000 * MS);
        cache.get();
        assertEquals(2, counts.get());

        countTakes = 20_000 * MS;
        cache.get(); // still fresh
        now.addAndGet(60_001 * MS);
        cache.get(); // the 3 s count is stale: counted again, 20 s
        now.addAndGet(59_000 * MS);
        cache.get();
        now.addAndGet(2_000 * MS);
        cache.get();
        assertEquals(4, counts.get(), "a 20 s count serves for a minute, not 200 s");
    }

    @Test
    void callers_that_ask_while_one_counts_wait_for_its_answer_instead_of_counting_too() throws Exception {
        CountDownLatch inCount = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OverviewCache blocking = new OverviewCache(
                () -> {
                    counts.incrementAndGet();
                    inCount.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Overview(Map.of(), Map.of(), List.of(), 0);
                },
                now::get);
        Thread first = Thread.ofVirtual().start(blocking::get);
        inCount.await(10, TimeUnit.SECONDS);
        List<Thread> others = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> Thread.ofVirtual().start(blocking::get))
                .toList();
        Thread.sleep(100); // the others are queued on the count in progress
        release.countDown();
        first.join(10_000);
        for (Thread other : others) {
            other.join(10_000);
        }

        assertEquals(1, counts.get());
    }
}
