package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.API_ADDRESS;
import static dev.connectx.bootstrap.config.SettingKey.API_KEY;
import static dev.connectx.bootstrap.config.SettingKey.BACKGROUND_TASK_MAX_EXECUTION_TIME;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_MAX_TASKS;
import static dev.connectx.bootstrap.config.SettingKey.ENVIRONMENT_ID;
import static dev.connectx.bootstrap.config.SettingKey.INSTANCE_ID;
import static dev.connectx.bootstrap.config.SettingKey.SERVER_ADDRESS;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Python runner's environment for reaching Connect: {@code API_KEY}, {@code ENVIRONMENT_ID},
 * {@code SERVER_ADDRESS}, {@code API_ADDRESS}, {@code INSTANCE_ID}, {@code BACKGROUND_TASK_MAX_EXECUTION_TIME}; and
 * {@code CONNECTX_MAX_TASKS}.
 */
public final class ConnectSettings {

    private ConnectSettings() {}

    /**
     * The runtime's settings when both {@code API_KEY} and {@code ENVIRONMENT_ID} are set; empty for local mode, when
     * neither is.
     *
     * @throws InvalidSettingException naming the key of a malformed value, or the missing one when only one is set
     */
    public static Optional<ConnectRuntimeSettings> from(SettingValues values) {
        int maxTasks =
                values.positiveInt(CONNECTX_MAX_TASKS); // checked in local mode too: a typo fails at start, not later
        Duration taskTimeout = values.seconds(BACKGROUND_TASK_MAX_EXECUTION_TIME);
        Optional<String> apiKey = values.set(API_KEY);
        Optional<String> environment = values.set(ENVIRONMENT_ID);
        if (apiKey.isEmpty() != environment.isEmpty()) {
            SettingKey missing = apiKey.isEmpty() ? API_KEY : ENVIRONMENT_ID;
            throw new InvalidSettingException(
                    missing,
                    "is not set, but " + (apiKey.isEmpty() ? ENVIRONMENT_ID : API_KEY) + " is: set both to run with"
                            + " Connect (API_KEY is the extension's token, ApiKey SU-…:…), or neither for local mode");
        }
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        String server = values.text(SERVER_ADDRESS);
        URI webSocketBase = checked(SERVER_ADDRESS, () -> ConnectRuntimeSettings.webSocketBase(server));
        URI apiBase = checked(
                API_ADDRESS,
                () -> ConnectRuntimeSettings.apiBase(values.set(API_ADDRESS).orElse(server)));
        String instance =
                values.set(INSTANCE_ID).orElseGet(() -> UUID.randomUUID().toString());
        return Optional.of(new ConnectRuntimeSettings(
                webSocketBase,
                apiBase,
                checked(API_KEY, () -> ConnectRuntimeSettings.requireApiKey(apiKey.get())),
                checked(ENVIRONMENT_ID, () -> ConnectRuntimeSettings.requireEnvironmentId(environment.get())),
                checked(INSTANCE_ID, () -> ConnectRuntimeSettings.requireInstanceId(instance)),
                taskTimeout,
                maxTasks,
                ConnectRuntimeSettings.Timings.PYTHON_RUNNER));
    }

    private static <T> T checked(SettingKey key, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage());
        }
    }
}
