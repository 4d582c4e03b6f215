package dev.connectx.application.port.out;

/** What {@link SubscriptionEventStore#save} did. */
public enum SaveResult {
    /** This call stored the event. */
    STORED,
    /** An event with the same key was stored before; nothing changed. */
    ALREADY_STORED
}
