package dev.connectx.bootstrap.logging;

import java.util.logging.LogManager;

/**
 * A {@link LogManager} that ignores the JDK's own reset at JVM shutdown, so that what connectx logs while it
 * stops (from its shutdown hook) is still written; connectx resets it itself once it has stopped.
 *
 * <p>The JDK resets logging from a shutdown hook of its own, which runs concurrently with connectx's and closes
 * the handlers first. Installed through the {@code java.util.logging.manager} system property, which the launcher
 * sets on the command line: the JVM may initialise logging before {@code main} runs.
 */
public final class ShutdownAwareLogManager extends LogManager {

    private static final String JDK_CLEANER_THREAD = "java.util.logging.LogManager$Cleaner";

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(JDK_CLEANER_THREAD)) {
            return;
        }
        super.reset();
    }

    /** Installs this manager unless logging is initialised already (then the command line must name it). */
    public static void install() {
        System.setProperty("java.util.logging.manager", ShutdownAwareLogManager.class.getName());
    }

    /** Flushes and closes the handlers: the last thing connectx does. */
    public static void resetAfterStop() {
        LogManager.getLogManager().reset();
    }
}
