package dev.connectx.adapters.connect.runtime;

/** Why the runtime stopped. */
public enum StopReason {
    /** Connect sent {@code shutdown}: the process should exit 0 and not be restarted. */
    SHUTDOWN_BY_CONNECT,
    /** Connect closed the connection cleanly (1000/1001): exit 0, as the Python runner does. */
    CLOSED_BY_CONNECT,
    /** Connect could not be reached within the retry budget. */
    GAVE_UP,
    /** Connect refused the key (401 or 403 at the upgrade) several times in a row. */
    KEY_REFUSED,
    /** {@link ConnectRuntime#close()} stopped it. */
    STOPPED
}
