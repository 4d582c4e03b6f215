package dev.connectx.extension;

/** What a handler works with during one call. */
public interface HandlerContext {

    /**
     * Whether connectx had stored this event before this call: Connect delivered it again (after a {@code retry}, a
     * lost result or a restart). The handler may have run for it already, wholly or in part.
     */
    boolean repeat();

    /** Connect's REST API, with the credentials of the task that delivered the event. */
    ConnectClient connect();

    /** The events connectx has kept. */
    StoredEvents storedEvents();

    /** A logger named after the handler; its lines carry the task's id and request id as connectx's own do. */
    System.Logger logger();

    /** The handler's own settings, read with its {@link EventHandler#settingsPrefix()}. */
    Settings settings();
}
