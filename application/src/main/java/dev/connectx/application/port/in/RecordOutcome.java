package dev.connectx.application.port.in;

import java.util.Objects;

/**
 * What recording an event came to, in the terms Connect understands.
 *
 * @param result the verdict for Connect
 * @param message a human-readable reason, at most {@value #MAX_MESSAGE_LENGTH} characters
 */
public record RecordOutcome(Result result, String message) {

    /** Connect keeps at most this many characters of a task result's message. */
    public static final int MAX_MESSAGE_LENGTH = 4000;

    /** The verdicts Connect knows for a background task. */
    public enum Result {
        /** The event is kept (now or by an earlier delivery). */
        SUCCESS,
        /** The extension does not handle this event; Connect should not send it again. */
        SKIP,
        /** A transient failure: Connect should deliver the event again later. */
        RETRY,
        /** The event can never be kept; retrying will not help. */
        FAIL
    }

    public RecordOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
        }
    }

    public static RecordOutcome success(String message) {
        return new RecordOutcome(Result.SUCCESS, message);
    }

    public static RecordOutcome skip(String message) {
        return new RecordOutcome(Result.SKIP, message);
    }

    public static RecordOutcome retry(String message) {
        return new RecordOutcome(Result.RETRY, message);
    }

    public static RecordOutcome fail(String message) {
        return new RecordOutcome(Result.FAIL, message);
    }
}
