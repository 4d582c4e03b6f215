package dev.connectx.adapters.connect.protocol;

import dev.connectx.application.port.in.RecordOutcome;
import java.util.Locale;

/** A task's {@code output.result}, as the protocol spells it (§2.6). */
public enum Verdict {
    SUCCESS,
    SKIP,
    RETRY,
    FAIL;

    /** The spelling on the wire: {@code success}, {@code skip}, {@code retry}, {@code fail}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict for an outcome of the record use case. */
    public static Verdict of(RecordOutcome.Result result) {
        return switch (result) {
            case SUCCESS -> SUCCESS;
            case SKIP -> SKIP;
            case RETRY -> RETRY;
            case FAIL -> FAIL;
        };
    }
}
