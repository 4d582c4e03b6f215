package dev.connectx.bootstrap.logging;

import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies {@code LOG_LEVEL} and {@code CONNECTX_LOG_FORMAT} to the running JVM, and the level Connect sends while
 * {@code LOG_LEVEL} is unset. The level is connectx's own loggers' ({@code dev.connectx}); Helidon's, the driver's
 * and the embedded server's keep theirs (WARNING), so DEBUG shows connectx's work, not the libraries' noise.
 */
public final class LogSetup {

    private static final System.Logger LOG = System.getLogger(LogSetup.class.getName());
    private static final String CONNECTX = "dev.connectx";
    // Held: java.util.logging keeps its loggers weakly, and a collected one would forget its level.
    private static final Logger CONNECTX_LOGGER = Logger.getLogger(CONNECTX);

    /** The log's format. */
    public enum Format {
        TEXT,
        JSON
    }

    private static volatile boolean levelHeld;

    private LogSetup() {}

    /**
     * At start: the format, and the level when {@code LOG_LEVEL} sets one (unset, logging.properties' INFO stays and
     * Connect's level applies once it sends one).
     */
    public static void apply(Optional<Level> level, Format format) {
        if (format == Format.JSON) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLineFormatter());
            }
        }
        level.ifPresent(LogSetup::hold);
    }

    /**
     * Sets connectx's level and ignores Connect's from now on: {@code LOG_LEVEL} does this, and so may whoever owns the
     * log's level in a JVM that runs connectx (a test that captures every record).
     */
    public static void hold(Level level) {
        setLevel(level);
        levelHeld = true;
    }

    /** Lets Connect's level apply again (after {@link #hold}). */
    public static void release() {
        levelHeld = false;
    }

    /**
     * Connect's {@code log_level}, applied now unless {@code LOG_LEVEL} set the level.
     *
     * @throws IllegalArgumentException when it names no level
     */
    public static void applyFromConnect(String name) {
        Level level = LevelNames.parse(name);
        if (levelHeld) {
            LOG.log(System.Logger.Level.DEBUG, "Connect''s log level {0} ignored: LOG_LEVEL is set", name);
            return;
        }
        if (!level.equals(effectiveLevel())) {
            setLevel(level);
            LOG.log(System.Logger.Level.INFO, "Log level {0}, as Connect sets it", LevelNames.of(level));
        }
    }

    private static Level effectiveLevel() {
        for (Logger logger = CONNECTX_LOGGER; logger != null; logger = logger.getParent()) {
            if (logger.getLevel() != null) {
                return logger.getLevel();
            }
        }
        return Level.INFO;
    }

    private static void setLevel(Level level) {
        CONNECTX_LOGGER.setLevel(level);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getLevel().intValue() > level.intValue()) {
                handler.setLevel(level);
            }
        }
    }
}
