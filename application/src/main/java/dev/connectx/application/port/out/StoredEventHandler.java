package dev.connectx.application.port.out;

import dev.connectx.domain.EventType;

/**
 * Driven port: code that runs on every event once it is stored, such as an extension's handler. Called from several
 * threads at once; {@link #handle} may throw, and may be interrupted when it takes too long.
 */
public interface StoredEventHandler {

    /** Unique among the handlers, for logs, metrics and the status page. */
    String name();

    /** Where the handler comes from, for people: e.g. its module and jar. */
    String origin();

    /** Whether it is called for events of this type. */
    boolean handles(EventType type);

    HandlerVerdict handle(HandledEvent event) throws Exception;
}
