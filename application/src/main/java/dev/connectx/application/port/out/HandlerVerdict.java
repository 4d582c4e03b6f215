package dev.connectx.application.port.out;

import java.util.Objects;

/**
 * What one handler answered for one event.
 *
 * @param kind done, retry or fail
 * @param reason why, for retry and fail
 */
public record HandlerVerdict(Kind kind, String reason) {

    public enum Kind {
        DONE,
        RETRY,
        FAIL
    }

    public static final HandlerVerdict DONE = new HandlerVerdict(Kind.DONE, "");

    public HandlerVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static HandlerVerdict retry(String reason) {
        return new HandlerVerdict(Kind.RETRY, reason);
    }

    public static HandlerVerdict fail(String reason) {
        return new HandlerVerdict(Kind.FAIL, reason);
    }
}
