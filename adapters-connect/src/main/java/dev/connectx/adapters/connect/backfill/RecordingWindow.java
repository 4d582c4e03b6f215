package dev.connectx.adapters.connect.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Records a page's objects a few at a time: a store answers each event in one round trip, and concurrent saves share
 * their commands, so {@value #WIDTH} in flight keep a remote store busy where one would leave it idle. At most
 * {@value #WIDTH} objects of a page are held beyond the one being read, so memory stays bounded however large the
 * objects are.
 */
final class RecordingWindow implements AutoCloseable {

    static final int WIDTH = 8;

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("connectx-backfill-record-", 0).factory());
    private final Semaphore permits = new Semaphore(WIDTH);
    private final List<Future<?>> inFlight = new ArrayList<>();

    /** Runs the task once fewer than {@value #WIDTH} are running; waits for a turn. */
    void submit(Runnable task) throws InterruptedException {
        permits.acquire();
        try {
            inFlight.add(executor.submit(() -> {
                try {
                    task.run();
                } finally {
                    permits.release();
                }
            }));
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Waits for every task submitted since the last drain.
     *
     * @throws RuntimeException the first task's failure, once all have ended
     */
    void drain() throws InterruptedException {
        RuntimeException first = null;
        for (Future<?> task : inFlight) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        inFlight.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Waits for every task submitted since the last drain, whatever they came to: a failed page is asked for again. */
    void drainQuietly() throws InterruptedException {
        try {
            drain();
        } catch (RuntimeException e) {
            // the page is asked for again, and its objects with it
        }
    }

    /** Abandons what is in flight (a page that failed, or a stop). */
    @Override
    public void close() {
        inFlight.forEach(task -> task.cancel(true));
        inFlight.clear();
        executor.shutdownNow();
    }
}
