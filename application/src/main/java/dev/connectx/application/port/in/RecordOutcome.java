package dev.connectx.application.port.in;

import java.util.Objects;

/**
 * What recording an event came to.
 *
 * @param result the verdict for Connect
 * @param message a human-readable reason (an adapter cuts it to whatever length its caller keeps)
 * @param storedNow whether this call stored the event (a success may also find it stored before)
 */
public record RecordOutcome(Result result, String message, boolean storedNow) {

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
        if (storedNow && result != Result.SUCCESS) {
            throw new IllegalArgumentException("only a success stores an event");
        }
    }

    /** A success that found the event kept before: a redelivery, stored once. */
    public boolean foundStored() {
        return result == Result.SUCCESS && !storedNow;
    }

    public RecordOutcome(Result result, String message) {
        this(result, message, false);
    }

    /** The event was stored by this call. */
    public static RecordOutcome stored(String message) {
        return new RecordOutcome(Result.SUCCESS, message, true);
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
