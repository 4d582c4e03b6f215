package dev.connectx.bootstrap.config;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed reads of configuration keys. Keys are the environment variables' names (also usable in
 * {@code application.yaml}), so that the same names serve the environment, the file and Connect's variables.
 * An empty value counts as not set, as in a {@code .env} file with {@code KEY=}. Connect's configuration
 * variables, when given, come first.
 */
final class Settings {

    private final Config config;
    private final Map<String, String> overrides;

    Settings(Config config) {
        this(config, Map.of());
    }

    /** Reads {@code overrides} (Connect's variables) first, then the configuration. */
    Settings(Config config, Map<String, String> overrides) {
        this.config = Objects.requireNonNull(config, "config");
        this.overrides = Map.copyOf(overrides);
    }

    Optional<String> text(String key) {
        Optional<String> override = Optional.ofNullable(overrides.get(key)).map(String::strip).filter(value -> !value.isEmpty());
        if (override.isPresent()) {
            return override;
        }
        return config.get(key).asString().asOptional().map(String::strip).filter(value -> !value.isEmpty());
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    int port(String key, int fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value.get() + "' is not a port number (0 to 65535)");
    }

    int positiveInt(String key, int fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value.get() + "' is not a positive whole number");
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.get().equalsIgnoreCase("true") && !value.get().equalsIgnoreCase("false")) {
            throw new InvalidSettingException(key, "'" + value.get() + "' is not true or false");
        }
        return value.get().equalsIgnoreCase("true");
    }

    Duration duration(String key, Duration fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            Duration duration = value.get().startsWith("P") || value.get().startsWith("p")
                    ? Duration.parse(value.get())
                    : Duration.ofMillis(Long.parseLong(value.get()));
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value.get() + "' is not a positive duration (milliseconds, or ISO-8601 like PT5S)");
    }
}
