package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_EXTENSIONS_DIR;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_HANDLER_TIMEOUT;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import io.helidon.config.Config;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code CONNECTX_EXTENSIONS_DIR} and {@code CONNECTX_HANDLER_TIMEOUT}, and where the handlers' own settings come from.
 *
 * @param directory where the extension jars are; empty when none is to be loaded
 * @param handlerTimeout how long one handler call may take, at most the task time limit
 * @param maxCalls handler calls at once, those past their time included: {@code CONNECTX_MAX_TASKS}
 * @param environment a setting's value from the configuration (the environment first) by its full name; whoever
 *     hands it to a handler refuses connectx's own names first ({@link #isConnectxSetting})
 */
public record ExtensionOptions(
        Optional<Path> directory,
        Duration handlerTimeout,
        int maxCalls,
        Function<String, Optional<String>> environment) {

    private static final Set<String> CONNECTX_NAMES = Arrays.stream(SettingKey.values())
            .flatMap(key -> key.names().stream())
            .collect(Collectors.toUnmodifiableSet());

    public ExtensionOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(handlerTimeout, "handlerTimeout");
        Objects.requireNonNull(environment, "environment");
    }

    /** Whether connectx reads this name itself: such a value is never a handler's to read. */
    public static boolean isConnectxSetting(String name) {
        return CONNECTX_NAMES.contains(name);
    }

    /** @throws InvalidSettingException naming the key of a malformed value */
    static ExtensionOptions from(SettingValues values, Optional<ConnectRuntimeSettings> connect, Config config) {
        Optional<Path> directory;
        try {
            directory = values.set(CONNECTX_EXTENSIONS_DIR).map(Path::of);
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(CONNECTX_EXTENSIONS_DIR, "is not a path: " + e.getMessage());
        }
        Duration timeout = values.seconds(CONNECTX_HANDLER_TIMEOUT);
        Duration taskLimit =
                connect.map(ConnectRuntimeSettings::backgroundTaskTimeout).orElse(timeout);
        Function<String, Optional<String>> environment =
                name -> config.get(name).asString().asOptional().filter(value -> !value.isEmpty());
        return new ExtensionOptions(
                directory,
                timeout.compareTo(taskLimit) > 0 ? taskLimit : timeout,
                values.positiveInt(SettingKey.CONNECTX_MAX_TASKS),
                environment);
    }
}
