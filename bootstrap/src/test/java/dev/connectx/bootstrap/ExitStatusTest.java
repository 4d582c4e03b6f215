package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.adapters.connect.runtime.StopReason;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @Test
    void each_way_the_connect_runtime_stops_has_its_status() {
        assertEquals(OptionalInt.of(0), ExitStatus.afterConnect(StopReason.SHUTDOWN_BY_CONNECT));
        assertEquals(OptionalInt.of(0), ExitStatus.afterConnect(StopReason.CLOSED_BY_CONNECT));
        assertEquals(OptionalInt.of(1), ExitStatus.afterConnect(StopReason.GAVE_UP));
        assertEquals(OptionalInt.of(4), ExitStatus.afterConnect(StopReason.KEY_REFUSED));
        assertEquals(
                OptionalInt.empty(),
                ExitStatus.afterConnect(StopReason.STOPPED),
                "stopped by close(): no status of its own");
    }

    @Test
    void the_statuses_are_the_ones_the_readme_names() {
        assertEquals(2, Main.EXIT_CANNOT_START);
        assertEquals(3, ConnectxApp.EXIT_FAILED);
    }
}
