package dev.connectx.testing.support;

/** Sleeping in a polling loop, where an interrupt means the test is being torn down. */
public final class Pause {

    private Pause() {}

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
