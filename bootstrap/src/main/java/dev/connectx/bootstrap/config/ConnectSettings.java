package dev.connectx.bootstrap.config;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The Python runner's environment for reaching Connect: {@code API_KEY}, {@code ENVIRONMENT_ID},
 * {@code SERVER_ADDRESS}, {@code API_ADDRESS}, {@code INSTANCE_ID}, {@code BACKGROUND_TASK_MAX_EXECUTION_TIME}.
 */
public final class ConnectSettings {

    public static final String API_KEY = "API_KEY";
    public static final String ENVIRONMENT_ID = "ENVIRONMENT_ID";
    public static final String SERVER_ADDRESS = "SERVER_ADDRESS";
    public static final String API_ADDRESS = "API_ADDRESS";
    public static final String INSTANCE_ID = "INSTANCE_ID";
    public static final String BACKGROUND_TASK_MAX_EXECUTION_TIME = "BACKGROUND_TASK_MAX_EXECUTION_TIME";

    private ConnectSettings() {
    }

    /**
     * The runtime's settings when both {@code API_KEY} and {@code ENVIRONMENT_ID} are set; empty for local mode.
     *
     * @throws InvalidSettingException naming the key of a malformed value
     */
    public static Optional<ConnectRuntimeSettings> from(Config config) {
        Settings settings = new Settings(config);
        Optional<String> apiKey = settings.text(API_KEY);
        Optional<String> environment = settings.text(ENVIRONMENT_ID);
        if (apiKey.isEmpty() || environment.isEmpty()) {
            return Optional.empty();
        }
        Duration timeout = seconds(settings, BACKGROUND_TASK_MAX_EXECUTION_TIME, ConnectRuntimeSettings.DEFAULT_BACKGROUND_TASK_TIMEOUT);
        try {
            return Optional.of(ConnectRuntimeSettings.of(settings.text(SERVER_ADDRESS).orElse(null), settings.text(API_ADDRESS).orElse(null),
                    apiKey.get(), environment.get(), settings.text(INSTANCE_ID).orElse(null), timeout));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String key = message.startsWith(API_ADDRESS) ? API_ADDRESS : message.startsWith(SERVER_ADDRESS) ? SERVER_ADDRESS
                    : message.startsWith(INSTANCE_ID) ? INSTANCE_ID : message.startsWith(ENVIRONMENT_ID) ? ENVIRONMENT_ID : API_KEY;
            throw new InvalidSettingException(key, message);
        }
    }

    private static Duration seconds(Settings settings, String key, Duration fallback) {
        Optional<String> value = settings.text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.get());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value.get() + "' is not a positive number of seconds");
    }
}
