package dev.connectx.adapters.extensions;

import dev.connectx.extension.Settings;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A handler's settings: its prefix before every name; with no prefix, nothing is readable. */
final class PrefixedSettings implements Settings {

    private static final Pattern NAME = Pattern.compile("[A-Z0-9_]{1,100}");

    private final String prefix;
    private final Function<String, Optional<String>> lookup;

    PrefixedSettings(String prefix, Function<String, Optional<String>> lookup) {
        this.prefix = prefix;
        this.lookup = lookup;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public Optional<String> get(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a setting name is upper case letters, digits and '_', not " + name);
        }
        if (prefix.isEmpty()) {
            throw new IllegalStateException(
                    "this handler declares no settingsPrefix(), so it has no settings; declare one to read " + name);
        }
        return lookup.apply(prefix + name).filter(value -> !value.isEmpty());
    }
}
