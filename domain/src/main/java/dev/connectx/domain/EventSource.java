package dev.connectx.domain;

/** How an event reached connectx: live (a Connect task, or a local delivery), or listed by a backfill. */
public enum EventSource {
    TASK,
    BACKFILL;

    /** As stored and answered: {@code task} or {@code backfill}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a stored source; a document written before sources were kept has none and was a live event. */
    public static EventSource fromWireName(String value) {
        return value == null ? TASK : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
