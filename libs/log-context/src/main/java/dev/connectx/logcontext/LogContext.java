package dev.connectx.logcontext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fields of the work the current thread does, such as {@code task_id}, for every record it logs meanwhile. A scope
 * adds fields and, closed, restores what was there before; scopes nest. Thread-confined: a formatter reads it on the
 * thread that logs, which is the one that opened the scope (java.util.logging formats synchronously).
 */
public final class LogContext {

    private static final ThreadLocal<Map<String, String>> FIELDS = ThreadLocal.withInitial(Map::of);

    private LogContext() {}

    /** The fields of the current thread, in the order they were added; empty outside any scope. */
    public static Map<String, String> current() {
        return FIELDS.get();
    }

    /**
     * Adds fields until the returned scope is closed; a null value is left out.
     *
     * @param namesAndValues name, value, name, value…
     */
    public static Scope with(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> before = FIELDS.get();
        Map<String, String> next = new LinkedHashMap<>(before);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = Objects.requireNonNull(namesAndValues[i], "name");
            if (namesAndValues[i + 1] != null) {
                next.put(name, namesAndValues[i + 1]);
            }
        }
        FIELDS.set(Collections.unmodifiableMap(next));
        return new Scope(before);
    }

    /** Restores the fields as they were before {@link #with}. */
    public static final class Scope implements AutoCloseable {

        private final Map<String, String> before;

        private Scope(Map<String, String> before) {
            this.before = before;
        }

        @Override
        public void close() {
            if (before.isEmpty()) {
                FIELDS.remove();
            } else {
                FIELDS.set(before);
            }
        }
    }
}
