package dev.connectx.bootstrap.config;

import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.RequestStatus;
import io.helidon.config.Config;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app's own settings (everything but storage and Connect).
 *
 * @param http the HTTP server's settings
 * @param subscribedStatuses the purchase-request statuses recorded ({@code CONNECTX_STATUSES}, all seven);
 *     others are answered {@code skip}
 * @param maxTasks Connect tasks run at once ({@code CONNECTX_MAX_TASKS}); further ones wait their turn
 * @param dataApiServer whether to serve the MongoDB Data API on the HTTP port ({@code CONNECTX_DATA_API_SERVER})
 * @param dataApiKeys the keys it accepts ({@code DATA_API_KEYS}, comma-separated); never printed
 * @param dataApiDatabases the databases it serves ({@code DATA_API_DATABASES}, comma-separated; {@code DB} by default)
 */
public record AppSettings(
        HttpSettings http,
        Set<RequestStatus> subscribedStatuses,
        int maxTasks,
        boolean dataApiServer,
        Set<String> dataApiKeys,
        Set<String> dataApiDatabases) {

    public static final String HTTP_HOST = HttpSettings.HTTP_HOST;
    public static final String HTTP_PORT = HttpSettings.HTTP_PORT;
    public static final String STATUSES = "CONNECTX_STATUSES";
    public static final String MAX_TASKS = "CONNECTX_MAX_TASKS";
    public static final String DATA_API_SERVER = "CONNECTX_DATA_API_SERVER";
    public static final String DATA_API_KEYS = "DATA_API_KEYS";
    public static final String DATA_API_DATABASES = "DATA_API_DATABASES";

    public static final String DEFAULT_HTTP_HOST = HttpSettings.DEFAULT_HOST;
    public static final int DEFAULT_HTTP_PORT = HttpSettings.DEFAULT_PORT;
    /** Enough to keep the store busy at full speed (the benchmark runs 64 in flight), few enough to bound memory. */
    public static final int DEFAULT_MAX_TASKS = 64;

    public AppSettings {
        subscribedStatuses = Set.copyOf(subscribedStatuses);
        dataApiKeys = Set.copyOf(dataApiKeys);
        dataApiDatabases = Set.copyOf(dataApiDatabases);
    }

    public static AppSettings from(Config config) {
        return from(config, Map.of());
    }

    /** The settings with {@code overrides} over the configuration. */
    public static AppSettings from(Config config, Map<String, String> overrides) {
        Settings settings = new Settings(config, overrides);
        return new AppSettings(
                HttpSettings.from(settings),
                statuses(settings),
                settings.positiveInt(MAX_TASKS, DEFAULT_MAX_TASKS),
                dataApiServer(settings),
                list(settings, DATA_API_KEYS),
                databases(settings));
    }

    private static boolean dataApiServer(Settings settings) {
        boolean on = settings.bool(DATA_API_SERVER, false);
        if (on && list(settings, DATA_API_KEYS).isEmpty()) {
            throw new InvalidSettingException(DATA_API_KEYS, "is required when CONNECTX_DATA_API_SERVER is true: the Data API serves no one without a key");
        }
        return on;
    }

    private static Set<String> databases(Settings settings) {
        Set<String> listed = list(settings, DATA_API_DATABASES);
        return listed.isEmpty() ? Set.of(settings.text(StorageSettings.DB, StorageSettings.DEFAULT_DATABASE)) : listed;
    }

    private static Set<String> list(Settings settings, String key) {
        return Arrays.stream(settings.text(key, "").split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "AppSettings[" + http + ", subscribedStatuses=" + subscribedStatuses + ", maxTasks=" + maxTasks
                + ", dataApiServer=" + dataApiServer + ", dataApiKeys=" + dataApiKeys.size() + " key(s), dataApiDatabases="
                + dataApiDatabases + "]";
    }

    private static Set<RequestStatus> statuses(Settings settings) {
        Optional<String> value = settings.text(STATUSES);
        if (value.isEmpty()) {
            return EnumSet.allOf(RequestStatus.class);
        }
        EnumSet<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String status : Arrays.stream(value.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                statuses.add(RequestStatus.fromWireName(status));
            } catch (InvalidEventException e) {
                throw new InvalidSettingException(STATUSES, e.getMessage().substring("status: ".length()));
            }
        }
        if (statuses.isEmpty()) {
            throw new InvalidSettingException(STATUSES, "names no status; leave it unset to record all seven");
        }
        return statuses;
    }
}
