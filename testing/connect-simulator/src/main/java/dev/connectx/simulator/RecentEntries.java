package dev.connectx.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The most recent entries of a record, so that a long-running simulator (local mode) does not grow without bound. */
final class RecentEntries<T> {

    private final int capacity;
    private final Deque<T> entries = new ArrayDeque<>();

    RecentEntries(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(T entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<T> snapshot() {
        return List.copyOf(entries);
    }

    synchronized Optional<T> find(Predicate<T> match) {
        return entries.stream().filter(match).findFirst();
    }

    /** Removes and returns the first entry that matches. */
    synchronized Optional<T> take(Predicate<T> match) {
        Optional<T> found = find(match);
        found.ifPresent(entries::remove);
        return found;
    }

    synchronized long count(Predicate<T> match) {
        return entries.stream().filter(match).count();
    }

    synchronized void replaceLast(T old, T replacement) {
        if (entries.peekLast() == old
                || (entries.peekLast() != null && entries.peekLast().equals(old))) {
            entries.removeLast();
            entries.addLast(replacement);
        } else if (entries.remove(old)) {
            entries.addLast(replacement);
        }
    }
}
