package dev.connectx.largeobjects;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of turns for holding a large object in memory, shared by every path that reads one: a task's
 * object fetched from Connect, a local delivery's body, a page of stored events. A path takes a turn before it reads
 * an object over {@link #LARGE_BYTES} (or one it cannot size beforehand) and gives it back when the object is gone;
 * smaller objects never wait. Turns are handed out in the order they were asked for.
 *
 * <p>With one turn, at most one object of up to MongoDB's 16 MiB is in memory at a time, which is what lets the heap
 * stay small (the README's "Memory and CPU" section has the figures); {@link #forHeap} gives a larger heap more.
 */
public final class LargeObjectTurns {

    /** Objects over this many bytes take a turn. */
    public static final int LARGE_BYTES = 256 * 1024;

    private final Semaphore turns;
    private final int count;

    /** @param count how many large objects may be in memory at once, at least one */
    public LargeObjectTurns(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one turn, not " + count);
        }
        this.count = count;
        this.turns = new Semaphore(count, true);
    }

    /** Heap each turn is given: what writing one request near 16 MiB takes, with an embedded MongoDB in the same heap. */
    public static final long HEAP_PER_TURN = 192L * 1024 * 1024;

    /** The most turns, however large the heap. */
    public static final int MAX_TURNS = 4;

    /**
     * Turns for a heap of {@code maxHeapBytes} ({@link Runtime#maxMemory()}): one per {@link #HEAP_PER_TURN} of it,
     * at least one and at most {@link #MAX_TURNS}, so that giving the JVM more heap lets more large objects in at once.
     */
    public static LargeObjectTurns forHeap(long maxHeapBytes) {
        return new LargeObjectTurns(Math.clamp(maxHeapBytes / HEAP_PER_TURN, 1, MAX_TURNS));
    }

    /** Whether an object of {@code bytes} bytes (negative: not known beforehand) takes a turn. */
    public static boolean isLarge(long bytes) {
        return bytes < 0 || bytes > LARGE_BYTES;
    }

    /** Waits for a turn as long as it takes. */
    public Turn take() throws InterruptedException {
        turns.acquire();
        return new Turn(turns);
    }

    /**
     * A turn for an object of {@code bytes} bytes (negative: not known beforehand): for a large one, waiting at most
     * {@code wait}, empty when none came free by then; for a small one, at once, a turn that holds nothing.
     */
    public Optional<Turn> tryTakeFor(long bytes, Duration wait) throws InterruptedException {
        return isLarge(bytes) ? tryTake(wait) : Optional.of(Turn.none());
    }

    /** Waits for a turn at most {@code wait}; empty when none came free by then. */
    public Optional<Turn> tryTake(Duration wait) throws InterruptedException {
        return turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(new Turn(turns)) : Optional.empty();
    }

    /** Turns free now, for status and tests. */
    public int free() {
        return turns.availablePermits();
    }

    public int count() {
        return count;
    }

    /** One turn, given back by {@link #close()} (once; closing again does nothing). */
    public static final class Turn implements AutoCloseable {

        private Semaphore owner;

        private Turn(Semaphore owner) {
            this.owner = owner;
        }

        /** A turn that holds nothing, for an object too small to need one: closing it gives nothing back. */
        public static Turn none() {
            return new Turn(null);
        }

        @Override
        public synchronized void close() {
            if (owner != null) {
                owner.release();
                owner = null;
            }
        }
    }
}
