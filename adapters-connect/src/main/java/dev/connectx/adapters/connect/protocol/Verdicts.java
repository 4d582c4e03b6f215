package dev.connectx.adapters.connect.protocol;

import dev.connectx.application.port.in.RecordOutcome;
import java.util.Locale;

/** How the protocol spells a verdict of the core: a task's {@code output.result}, e.g. {@code success}. */
public final class Verdicts {

    private Verdicts() {
    }

    public static String wireName(RecordOutcome.Result result) {
        return result.name().toLowerCase(Locale.ROOT);
    }
}
