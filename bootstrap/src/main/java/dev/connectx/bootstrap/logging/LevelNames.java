package dev.connectx.bootstrap.logging;

import java.util.Locale;
import java.util.logging.Level;

/**
 * The level names people expect (Python's, which Connect sends too) for java.util.logging's: {@code ERROR} for
 * SEVERE, {@code WARNING}, {@code INFO} (CONFIG too), {@code DEBUG} for FINE, {@code TRACE} for FINER and FINEST.
 */
public final class LevelNames {

    private LevelNames() {}

    /** The name a line shows for {@code level}. */
    public static String of(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (value >= Level.CONFIG.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    /**
     * The level of a name: {@code DEBUG}, {@code INFO}, {@code WARNING} (or {@code WARN}), {@code ERROR} (or
     * {@code CRITICAL}), {@code TRACE}, any case.
     *
     * @throws IllegalArgumentException for any other name, listing the accepted ones
     */
    public static Level parse(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "WARNING", "WARN" -> Level.WARNING;
            case "ERROR", "CRITICAL" -> Level.SEVERE;
            default -> throw new IllegalArgumentException("is not a log level: use DEBUG, INFO, WARNING or ERROR");
        };
    }
}
