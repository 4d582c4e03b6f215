package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.runtime.StopReason;
import java.util.OptionalInt;

/** connectx's exit statuses, one meaning each, so that a supervisor can tell why the process ended. */
final class ExitStatus {

    /** Stopped by Connect ({@code shutdown}, or a clean close), or by SIGTERM. */
    static final int STOPPED = 0;
    /** Connect could not be reached within the retry budget. */
    static final int CONNECT_UNREACHABLE = 1;
    /** The configuration is invalid or a port is taken. */
    static final int CANNOT_START = 2;
    /** connectx cannot go on (its HTTP listener stopped): a supervisor should restart it. */
    static final int FAILED = 3;
    /** Connect refused {@code API_KEY} (401 or 403) several times in a row: fix the key, then start again. */
    static final int KEY_REFUSED = 4;

    private ExitStatus() {}

    /** The status the process ends with when the Connect runtime stops for this reason; empty when it is stopping anyway. */
    static OptionalInt afterConnect(StopReason reason) {
        return switch (reason) {
            case SHUTDOWN_BY_CONNECT, CLOSED_BY_CONNECT -> OptionalInt.of(STOPPED);
            case GAVE_UP -> OptionalInt.of(CONNECT_UNREACHABLE);
            case KEY_REFUSED -> OptionalInt.of(KEY_REFUSED);
            case STOPPED -> OptionalInt.empty(); // close() stopped it: the process is stopping already
        };
    }
}
