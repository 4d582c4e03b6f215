package dev.connectx.extension;

import java.util.Objects;

/**
 * What a handler answers for one event, and so what Connect is told about its task.
 *
 * @param outcome done, retry later or fail
 * @param reason why, for anything but done; Connect shows it with the task (cut to 4000 characters)
 */
public record HandlerResult(Outcome outcome, String reason) {

    /** The outcomes, and the task results they become. */
    public enum Outcome {
        /** Handled: the next handler runs; when none is left, Connect is told {@code success}. */
        DONE,
        /** Not now (a system is down, a step is not ready): Connect is told {@code retry} and delivers it again. */
        RETRY,
        /** Never: Connect is told {@code fail}, and does not deliver the task again. */
        FAIL
    }

    private static final HandlerResult DONE = new HandlerResult(Outcome.DONE, "");

    public HandlerResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (outcome != Outcome.DONE && reason.isBlank()) {
            throw new IllegalArgumentException(outcome + " needs a reason");
        }
    }

    public static HandlerResult done() {
        return DONE;
    }

    public static HandlerResult retryLater(String reason) {
        return new HandlerResult(Outcome.RETRY, reason);
    }

    public static HandlerResult fail(String reason) {
        return new HandlerResult(Outcome.FAIL, reason);
    }
}
