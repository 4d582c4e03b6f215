package dev.connectx.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a test makes of the simulator's list pages ({@code GET /public/v1/requests?…} and {@code
 * /public/v1/tier/config-requests?…} with a {@code limit} above 0): how many were served, how slowly, whether they are
 * held back, and failures to answer instead of the next ones. Counts are kept per collection path.
 */
public final class ListControls {

    /** A failure answered instead of a page. */
    record Failure(int status, String retryAfter, String body) {}

    private final Map<String, AtomicLong> pages = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Failure failure;
    private volatile Duration delay = Duration.ZERO;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile long releasedAt = Long.MAX_VALUE;
    private volatile long firstServedAfterRelease = Long.MAX_VALUE;

    /** List pages served (or refused) so far, of every collection. */
    public long pages() {
        return pages.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** List pages served (or refused) so far of one collection, e.g. {@code /public/v1/requests}. */
    public long pages(String collectionPath) {
        AtomicLong count = pages.get(collectionPath);
        return count == null ? 0 : count.get();
    }

    /** Every page from now on is answered this much later. */
    public void delay(Duration value) {
        delay = value;
    }

    /** Pages wait from now on, until {@link #release}: a backfill started meanwhile lists nothing yet. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Pages held back go on, and later ones are served at once. */
    public void release() {
        releasedAt = System.nanoTime();
        firstServedAfterRelease = Long.MAX_VALUE;
        gate.countDown();
    }

    /**
     * When ({@link System#nanoTime}) the first page asked for since the last {@link #release} was served: a runner
     * that gave up on a held page asks again only after its pause. {@link Long#MAX_VALUE} until then.
     */
    public long firstServedAfterRelease() {
        return firstServedAfterRelease;
    }

    /**
     * The next {@code times} list pages are answered with {@code status} instead.
     *
     * @param retryAfter the {@code Retry-After} header to send, or null for none
     */
    public void failNext(int times, int status, String retryAfter) {
        failure = new Failure(
                status,
                retryAfter,
                "{\"error_code\":\"SIM_" + status + "\",\"errors\":[\"The simulator answers " + status + ".\"]}");
        failuresLeft.set(times);
    }

    /** Counts a page and waits its delay; the failure to answer instead, if one is due. */
    Failure serve(String collectionPath) throws InterruptedException {
        gate.await();
        long now = System.nanoTime();
        if (now >= releasedAt && firstServedAfterRelease == Long.MAX_VALUE) {
            firstServedAfterRelease = now;
        }
        pages.computeIfAbsent(collectionPath, path -> new AtomicLong()).incrementAndGet();
        Duration wait = delay;
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
        return failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? failure : null;
    }
}
