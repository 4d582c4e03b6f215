package dev.connectx.adapters.connect.runtime;

/** Told of Connect's variables whenever a {@code setup_response} changes them (§2.4), and of its log level. */
@FunctionalInterface
public interface ConnectVariablesListener {

    /**
     * Applies the new variables; may throw to refuse them, and the runtime then logs the message and goes on. The
     * message must name no secret value.
     */
    void variablesChanged(ConnectVariables variables);

    /**
     * Applies the level Connect sends for the extension's log ({@code logging.log_level}: {@code DEBUG}, {@code INFO},
     * …) whenever it changes; may throw to refuse it. Ignored unless overridden.
     */
    default void logLevelChanged(String level) {}
}
