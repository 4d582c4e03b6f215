package dev.connectx.adapters.connect.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest changes of the connection to Connect, newest first, for the status page: connected, disconnected, an
 * attempt that failed (the first of a series), the key refused, stopped. Keeps {@value #KEPT}.
 */
public final class ConnectionHistory {

    static final int KEPT = 20;

    /** One change: when, and what in a few words. */
    public record Change(Instant at, String what) {}

    private final Clock clock;
    private final Deque<Change> changes = new ArrayDeque<>();

    ConnectionHistory(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String what) {
        changes.addFirst(new Change(clock.instant(), what));
        while (changes.size() > KEPT) {
            changes.removeLast();
        }
    }

    /** The kept changes, newest first. */
    public synchronized List<Change> recent() {
        return List.copyOf(new ArrayList<>(changes));
    }
}
