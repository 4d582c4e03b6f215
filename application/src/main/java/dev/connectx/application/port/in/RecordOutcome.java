package dev.connectx.application.port.in;

import java.util.Objects;

/**
 * What recording an event came to.
 *
 * @param result the verdict for Connect
 * @param message a human-readable reason (an adapter cuts it to whatever length its caller keeps)
 * @param kept whether the event is stored, and since when: a {@code retry} or {@code fail} from a handler comes after
 *     the event is stored
 */
public record RecordOutcome(Result result, String message, Kept kept) {

    /** The verdicts Connect knows for a background task. */
    public enum Result {
        /** The event is kept (now or by an earlier delivery), and its handlers, if any, are done. */
        SUCCESS,
        /** The extension does not handle this event; Connect should not send it again. */
        SKIP,
        /** A transient failure (of the store, or a handler's): Connect should deliver the event again later. */
        RETRY,
        /** The event can never be kept, or a handler failed it for good; retrying will not help. */
        FAIL
    }

    /** Whether the event is in the store. */
    public enum Kept {
        /** Stored by this call. */
        NOW,
        /** Found stored by an earlier delivery: a redelivery, stored once. */
        BEFORE,
        /** Not stored. */
        NO
    }

    public RecordOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kept, "kept");
        if (kept != Kept.NO && result == Result.SKIP) {
            throw new IllegalArgumentException("a stored event is not skipped");
        }
    }

    /** Whether this call stored the event. */
    public boolean storedNow() {
        return kept == Kept.NOW;
    }

    /** Whether this call found the event stored before: a redelivery, stored once. */
    public boolean foundStored() {
        return kept == Kept.BEFORE;
    }

    /** The event was stored by this call. */
    public static RecordOutcome stored(String message) {
        return new RecordOutcome(Result.SUCCESS, message, Kept.NOW);
    }

    /** The event was stored by an earlier delivery. */
    public static RecordOutcome alreadyStored(String message) {
        return new RecordOutcome(Result.SUCCESS, message, Kept.BEFORE);
    }

    public static RecordOutcome skip(String message) {
        return new RecordOutcome(Result.SKIP, message, Kept.NO);
    }

    public static RecordOutcome retry(String message) {
        return new RecordOutcome(Result.RETRY, message, Kept.NO);
    }

    public static RecordOutcome fail(String message) {
        return new RecordOutcome(Result.FAIL, message, Kept.NO);
    }
}
