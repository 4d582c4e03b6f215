package dev.connectx.coalescer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Group commit in general: items submitted while earlier batches are on their way travel together in the next
 * one. Nothing waits for a batch to fill: a lone item goes at once, alone; under load, batches grow by themselves,
 * up to {@code maxBatch}, with at most {@code maxInFlight} batches away at a time. An item whose future was
 * cancelled before its batch left is not sent.
 *
 * @param <I> what is submitted
 * @param <O> what each item is answered
 */
public final class Coalescer<I, O> implements AutoCloseable {

    /** One submitted item and its answer. */
    public record Item<I, O>(I value, CompletableFuture<O> result) {}

    /**
     * Sends a batch. Called on the coalescer's own thread, so it must not block: it starts the work and returns.
     * When the batch is finished it completes every item's future and then calls {@code done}.
     */
    @FunctionalInterface
    public interface Sender<I, O> {
        void send(List<Item<I, O>> batch, Runnable done);
    }

    private final int maxBatch;
    private final Semaphore inFlight;
    private final Sender<I, O> sender;
    private final LinkedBlockingQueue<Item<I, O>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public Coalescer(String name, int maxBatch, int maxInFlight, Sender<I, O> sender) {
        this.maxBatch = maxBatch;
        this.inFlight = new Semaphore(maxInFlight);
        this.sender = sender;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::run);
    }

    /** Queues the item; cancel the future to withdraw the item while it has not been sent. */
    public CompletableFuture<O> submit(I value) {
        CompletableFuture<O> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(closedException());
            return result;
        }
        queue.add(new Item<>(value, result));
        return result;
    }

    private void run() {
        try {
            while (!closed) {
                Item<I, O> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                try {
                    inFlight.acquire();
                } catch (InterruptedException closing) {
                    first.result().completeExceptionally(closedException());
                    throw closing;
                }
                // Taken after the permit: whatever queued while the earlier batches were away goes now.
                List<Item<I, O>> drained = new ArrayList<>();
                drained.add(first);
                queue.drainTo(drained, maxBatch - 1);
                List<Item<I, O>> batch =
                        drained.stream().filter(item -> !item.result().isDone()).toList();
                if (batch.isEmpty()) {
                    inFlight.release();
                } else {
                    sender.send(batch, inFlight::release);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failQueued();
        }
    }

    private void failQueued() {
        Item<I, O> item;
        while ((item = queue.poll()) != null) {
            item.result().completeExceptionally(closedException());
        }
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("group commit is closed");
    }

    /** Items already sent are answered as their batch finishes; those still queued fail at once. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        failQueued();
    }
}
