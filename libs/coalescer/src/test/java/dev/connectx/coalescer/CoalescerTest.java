package dev.connectx.coalescer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The coalescer with a sender that records each batch and answers it when the test lets it. */
class CoalescerTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);

    private void send(List<Coalescer.Item<String, Integer>> batch, Runnable done) {
        batches.add(batch.stream().map(Coalescer.Item::value).toList());
        Thread.ofVirtual().start(() -> {
            if (batches.size() == 1) {
                await(firstBatchMayFinish);
            }
            batch.forEach(item -> item.result().complete(item.value().length()));
            done.run();
        });
    }

    @Test
    void a_lone_item_goes_at_once_and_what_queues_meanwhile_travels_together() throws Exception {
        try (Coalescer<String, Integer> coalescer = new Coalescer<>("test-coalescer", 512, 1, this::send)) {
            CompletableFuture<Integer> first = coalescer.submit("a");
            awaitBatches(1);
            List<CompletableFuture<Integer>> queued =
                    List.of(coalescer.submit("bb"), coalescer.submit("ccc"), coalescer.submit("dddd"));
            firstBatchMayFinish.countDown();
            assertEquals(1, first.get(5, TimeUnit.SECONDS));
            assertEquals(
                    List.of(2, 3, 4),
                    queued.stream().map(CompletableFuture::join).toList());
            assertEquals(List.of(List.of("a"), List.of("bb", "ccc", "dddd")), batches);
        }
    }

    @Test
    void batches_are_cut_at_the_largest_size() throws Exception {
        try (Coalescer<String, Integer> coalescer = new Coalescer<>("test-coalescer", 2, 1, this::send)) {
            coalescer.submit("first");
            awaitBatches(1);
            List<CompletableFuture<Integer>> queued =
                    List.of(coalescer.submit("b"), coalescer.submit("c"), coalescer.submit("d"));
            firstBatchMayFinish.countDown();
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertEquals(List.of(List.of("first"), List.of("b", "c"), List.of("d")), batches);
        }
    }

    @Test
    void an_item_cancelled_before_its_batch_left_is_not_sent() throws Exception {
        try (Coalescer<String, Integer> coalescer = new Coalescer<>("test-coalescer", 512, 1, this::send)) {
            coalescer.submit("first");
            awaitBatches(1);
            coalescer.submit("withdrawn").cancel(false);
            CompletableFuture<Integer> kept = coalescer.submit("kept");
            firstBatchMayFinish.countDown();
            assertEquals(4, kept.get(5, TimeUnit.SECONDS));
            assertEquals(List.of(List.of("first"), List.of("kept")), batches);
        }
    }

    @Test
    void after_close_a_submission_fails_at_once() {
        Coalescer<String, Integer> coalescer = new Coalescer<>("test-coalescer", 512, 1, this::send);
        coalescer.close();
        ExecutionException failure = assertThrows(
                ExecutionException.class, () -> coalescer.submit("late").get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals(List.of(), batches);
    }

    private void awaitBatches(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (batches.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, batches.size(), "batches sent: " + batches);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
