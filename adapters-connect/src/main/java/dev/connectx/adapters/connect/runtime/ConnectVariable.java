package dev.connectx.adapters.connect.runtime;

import java.util.Objects;

/**
 * A configuration variable the extension declares to Connect in its {@code setup_request}; Connect creates any
 * that is missing in the environment with {@code initialValue}.
 *
 * @param secure whether Connect should treat the value as a secret
 */
public record ConnectVariable(String name, String initialValue, boolean secure) {

    public ConnectVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initialValue, "initialValue");
    }
}
