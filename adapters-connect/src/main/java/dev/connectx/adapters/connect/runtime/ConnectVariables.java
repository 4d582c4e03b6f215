package dev.connectx.adapters.connect.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration variables Connect sent in its latest {@code setup_response} that carried any, immutable. Its
 * {@link #toString()} shows the value of no variable that Connect marked secure, so that it can be logged.
 */
public final class ConnectVariables {

    private static final ConnectVariables NONE = new ConnectVariables(Map.of(), Set.of());

    private final Map<String, String> values;
    private final Set<String> secure;

    private ConnectVariables(Map<String, String> values, Set<String> secure) {
        this.values = values;
        this.secure = secure;
    }

    /** @param values in Connect's order; a {@code null} value is kept as "" */
    public static ConnectVariables of(Map<String, String> values, Set<String> secure) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "name"), value == null ? "" : value));
        return new ConnectVariables(Collections.unmodifiableMap(copy), Set.copyOf(secure));
    }

    public static ConnectVariables none() {
        return NONE;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every variable, name to value, secure ones included. */
    public Map<String, String> values() {
        return values;
    }

    public boolean isSecure(String name) {
        return secure.contains(name);
    }

    /** The same variables with the same values; which of them are secure does not count. */
    public boolean sameValues(ConnectVariables other) {
        return values.equals(other.values);
    }

    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (secure.contains(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
