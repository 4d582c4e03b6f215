package dev.connectx.extension;

import java.util.Optional;

/**
 * A handler's own settings: {@code get("TEMPLATE_ID")} with the prefix {@code APPROVE_} reads {@code
 * APPROVE_TEMPLATE_ID}, first from the variables of the extension in the Connect portal (live: a change there applies
 * to the next call), then from the process environment. connectx's own settings ({@code API_KEY}, {@code DB_PASSWORD},
 * …) are never readable here.
 */
public interface Settings {

    /** The prefix the handler declared, e.g. {@code APPROVE_}; empty for a handler without settings. */
    String prefix();

    /** The value of the prefixed name; empty when it is not set, or set to an empty value. */
    Optional<String> get(String name);

    /** The value of the prefixed name. */
    default String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("the setting " + prefix() + name + " is not set"));
    }
}
