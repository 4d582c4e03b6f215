package dev.connectx.bootstrap.config;

import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.RequestStatus;
import io.helidon.config.Config;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The app's own settings (everything but storage).
 *
 * @param httpHost where the HTTP server listens ({@code CONNECTX_HTTP_HOST}, loopback by default)
 * @param httpPort its port ({@code CONNECTX_HTTP_PORT}, 8080; 0 picks a free one)
 * @param subscribedStatuses the purchase-request statuses recorded ({@code CONNECTX_STATUSES}, all seven);
 *     others are answered {@code skip}
 * @param dataApiServer whether to serve the MongoDB Data API on the HTTP port ({@code CONNECTX_DATA_API_SERVER})
 * @param dataApiKeys the keys it accepts ({@code DATA_API_KEYS}, comma-separated); never printed
 */
public record AppSettings(
        String httpHost,
        int httpPort,
        Set<RequestStatus> subscribedStatuses,
        boolean dataApiServer,
        Set<String> dataApiKeys) {

    public static final String HTTP_HOST = "CONNECTX_HTTP_HOST";
    public static final String HTTP_PORT = "CONNECTX_HTTP_PORT";
    public static final String STATUSES = "CONNECTX_STATUSES";
    public static final String DATA_API_SERVER = "CONNECTX_DATA_API_SERVER";
    public static final String DATA_API_KEYS = "DATA_API_KEYS";

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;

    public AppSettings {
        subscribedStatuses = Set.copyOf(subscribedStatuses);
        dataApiKeys = Set.copyOf(dataApiKeys);
    }

    public static AppSettings from(Config config) {
        return from(config, java.util.Map.of());
    }

    /** The settings with {@code overrides} over the configuration. */
    public static AppSettings from(Config config, java.util.Map<String, String> overrides) {
        Settings settings = new Settings(config, overrides);
        return new AppSettings(
                settings.text(HTTP_HOST, DEFAULT_HTTP_HOST),
                settings.port(HTTP_PORT, DEFAULT_HTTP_PORT),
                statuses(settings),
                dataApiServer(settings),
                keys(settings));
    }

    private static boolean dataApiServer(Settings settings) {
        String value = settings.text(DATA_API_SERVER, "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(DATA_API_SERVER, "'" + value + "' is not true or false");
        }
        boolean on = value.equalsIgnoreCase("true");
        if (on && keys(settings).isEmpty()) {
            throw new InvalidSettingException(DATA_API_KEYS, "is required when CONNECTX_DATA_API_SERVER is true: the Data API serves no one without a key");
        }
        return on;
    }

    private static Set<String> keys(Settings settings) {
        return Arrays.stream(settings.text(DATA_API_KEYS, "").split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "AppSettings[httpHost=" + httpHost + ", httpPort=" + httpPort + ", subscribedStatuses=" + subscribedStatuses
                + ", dataApiServer=" + dataApiServer + ", dataApiKeys=" + dataApiKeys.size() + " key(s)]";
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
