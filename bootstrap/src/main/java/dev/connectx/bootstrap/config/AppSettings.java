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
 */
public record AppSettings(
        String httpHost,
        int httpPort,
        Set<RequestStatus> subscribedStatuses) {

    public static final String HTTP_HOST = "CONNECTX_HTTP_HOST";
    public static final String HTTP_PORT = "CONNECTX_HTTP_PORT";
    public static final String STATUSES = "CONNECTX_STATUSES";

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;

    public AppSettings {
        subscribedStatuses = Set.copyOf(subscribedStatuses);
    }

    public static AppSettings from(Config config) {
        Settings settings = new Settings(config);
        return new AppSettings(
                settings.text(HTTP_HOST, DEFAULT_HTTP_HOST),
                settings.port(HTTP_PORT, DEFAULT_HTTP_PORT),
                statuses(settings));
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
