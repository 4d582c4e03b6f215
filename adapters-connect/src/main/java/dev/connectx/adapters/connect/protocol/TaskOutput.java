package dev.connectx.adapters.connect.protocol;

import java.util.Objects;

/**
 * The {@code output} of a task result (§2.6). The message is cut here, and only here, to the
 * {@value #MAX_MESSAGE_CHARS} characters Connect keeps, ending in "…".
 *
 * @param result the verdict
 * @param message the reason, or {@code null} (the Python runner sends none for {@code success})
 * @param runtimeSeconds how long the task took
 */
public record TaskOutput(Verdict result, String message, double runtimeSeconds) {

    /** Connect keeps at most this many characters of a task result's message. */
    public static final int MAX_MESSAGE_CHARS = 4000;

    public TaskOutput {
        Objects.requireNonNull(result, "result");
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            int end = MAX_MESSAGE_CHARS - 1;
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--; // never half a character
            }
            message = message.substring(0, end) + "…";
        }
    }

    /** An output for a task that started at {@code startedNanos} ({@link System#nanoTime()}). */
    public static TaskOutput since(long startedNanos, Verdict result, String message) {
        return new TaskOutput(result, message, (System.nanoTime() - startedNanos) / 1e9);
    }
}
