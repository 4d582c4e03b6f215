package dev.connectx.bootstrap.config;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the {@link SettingKey}s, in layers: the first layer that sets a key wins. At start there is one, read
 * once from the configuration (the environment over {@code application.yaml}); local mode puts its own settings over
 * it, and Connect's variables go over those. An empty value counts as not set, as in a {@code .env} file with
 * {@code KEY=}. The typed reads fall back to the key's default and name the key of a malformed value.
 */
public final class SettingValues {

    private final List<Map<String, String>> layers;

    private SettingValues(List<Map<String, String>> layers) {
        this.layers = List.copyOf(layers);
    }

    /** The value of every key that the configuration sets, read now; the configuration is not kept. */
    public static SettingValues read(Config config) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            key.names().stream()
                    .flatMap(name -> config.get(name).asString().asOptional().filter(v -> !v.isBlank()).stream())
                    .findFirst()
                    .ifPresent(value -> values.put(key, value));
        }
        return of(values);
    }

    public static SettingValues of(Map<SettingKey, String> values) {
        return new SettingValues(List.of(byName(values)));
    }

    /** These values with {@code layer} over them. */
    public SettingValues over(Map<SettingKey, String> layer) {
        return overNamed(byName(layer));
    }

    /** These values with Connect's variables over them; a variable that names no key is ignored. */
    public SettingValues overNamed(Map<String, String> layer) {
        List<Map<String, String>> next = new ArrayList<>();
        next.add(Map.copyOf(layer));
        next.addAll(layers);
        return new SettingValues(next);
    }

    /** The value set for {@code key}, stripped; empty when no layer sets it. */
    public Optional<String> set(SettingKey key) {
        for (Map<String, String> layer : layers) {
            String value = layer.get(key.name());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /** The value set, else the key's default, else "". */
    public String text(SettingKey key) {
        return set(key).or(key::defaultValue).orElse("");
    }

    public int port(SettingKey key) {
        String value = text(key);
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value + "' is not a port number (0 to 65535)");
    }

    public int positiveInt(SettingKey key) {
        String value = text(key);
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value + "' is not a positive whole number");
    }

    public boolean bool(SettingKey key) {
        String value = text(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(key, "'" + value + "' is not true or false");
        }
        return value.equalsIgnoreCase("true");
    }

    /** Milliseconds, or an ISO-8601 duration such as {@code PT5S}. */
    public Duration duration(SettingKey key) {
        String value = text(key);
        try {
            Duration duration = value.startsWith("P") || value.startsWith("p")
                    ? Duration.parse(value)
                    : Duration.ofMillis(Long.parseLong(value));
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new InvalidSettingException(
                key, "'" + value + "' is not a positive duration (milliseconds, or ISO-8601 like PT5S)");
    }

    public Duration seconds(SettingKey key) {
        String value = text(key);
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value + "' is not a positive number of seconds");
    }

    /** A comma-separated list, its items stripped, empty ones dropped. */
    public List<String> list(SettingKey key) {
        return Arrays.stream(text(key).split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static Map<String, String> byName(Map<SettingKey, String> values) {
        Map<String, String> named = new HashMap<>();
        values.forEach((key, value) -> named.put(key.name(), value));
        return Map.copyOf(named);
    }

    /** Which keys are set, never their values: some are secrets. */
    @Override
    public String toString() {
        return "SettingValues"
                + Arrays.stream(SettingKey.values())
                        .filter(key -> set(key).isPresent())
                        .toList();
    }
}
