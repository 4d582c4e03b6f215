package dev.connectx.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The level Connect sends in {@code setup_response}, applied while connectx runs, unless {@code LOG_LEVEL} is set. */
class ConnectLogLevelTest {

    private static final String KEY = "ApiKey SU-111-222-333:log-level";
    private static final Logger CONNECTX = Logger.getLogger("dev.connectx");

    @TempDir
    Path dataDir;

    @AfterEach
    void resetLevel() {
        LogSetup.release();
        CONNECTX.setLevel(null);
    }

    @Test
    void connects_level_applies_live() {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                ConnectxApp app = ConnectxApp.start(
                        TestConfig.config(TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01")))) {
            connect.awaitHandshakes(1, Duration.ofSeconds(20));

            connect.pushLogLevel("DEBUG");
            await(() -> CONNECTX.getLevel(), Level.FINE);
            connect.pushLogLevel("WARNING");
            await(() -> CONNECTX.getLevel(), Level.WARNING);
        }
    }

    @Test
    void log_level_set_wins_over_connects() throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                ConnectxApp app = ConnectxApp.start(TestConfig.config(TestConfig.with(
                        TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01"), "LOG_LEVEL", "error")))) {
            connect.awaitHandshakes(1, Duration.ofSeconds(20));
            connect.pushLogLevel("DEBUG");
            Thread.sleep(500); // what connectx would have done by now with Connect's level

            assertEquals(Level.SEVERE, CONNECTX.getLevel());
        }
    }

    private static void await(Supplier<Level> actual, Level expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(actual.get()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(expected, actual.get());
    }
}
