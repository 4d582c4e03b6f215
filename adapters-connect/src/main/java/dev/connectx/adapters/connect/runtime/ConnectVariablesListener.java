package dev.connectx.adapters.connect.runtime;

/** Told of Connect's variables whenever a {@code setup_response} changes them (§2.4). */
@FunctionalInterface
public interface ConnectVariablesListener {

    /**
     * Applies the new variables; may throw to refuse them, and the runtime then logs the message and goes on. The
     * message must name no secret value.
     */
    void variablesChanged(ConnectVariables variables);
}
