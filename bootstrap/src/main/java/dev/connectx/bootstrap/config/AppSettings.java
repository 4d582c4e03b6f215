package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_DATA_API_SERVER;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_STATUSES;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_DATABASES;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_KEYS;
import static dev.connectx.bootstrap.config.SettingKey.DB;

import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.RequestStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The app's own settings (everything but storage and Connect).
 *
 * @param http the HTTP server's settings
 * @param subscribedStatuses the purchase-request statuses recorded ({@code CONNECTX_STATUSES}, all seven);
 *     others are answered {@code skip}
 * @param dataApiServer whether to serve the MongoDB Data API on the HTTP port ({@code CONNECTX_DATA_API_SERVER})
 * @param dataApiKeys the keys it accepts ({@code DATA_API_KEYS}, comma-separated); never printed
 * @param dataApiDatabases the databases it serves ({@code DATA_API_DATABASES}, comma-separated; {@code DB} by default)
 */
public record AppSettings(
        HttpSettings http,
        Set<RequestStatus> subscribedStatuses,
        boolean dataApiServer,
        Set<String> dataApiKeys,
        Set<String> dataApiDatabases) {

    public AppSettings {
        subscribedStatuses = Set.copyOf(subscribedStatuses);
        dataApiKeys = Set.copyOf(dataApiKeys);
        dataApiDatabases = Set.copyOf(dataApiDatabases);
    }

    /** @throws InvalidSettingException naming the key of a missing or malformed value */
    public static AppSettings from(SettingValues values) {
        return new AppSettings(
                HttpSettings.from(values),
                statuses(values),
                dataApiServer(values),
                Set.copyOf(values.list(DATA_API_KEYS)),
                databases(values));
    }

    private static boolean dataApiServer(SettingValues values) {
        boolean on = values.bool(CONNECTX_DATA_API_SERVER);
        if (on && values.list(DATA_API_KEYS).isEmpty()) {
            throw new InvalidSettingException(
                    DATA_API_KEYS,
                    "is required when " + CONNECTX_DATA_API_SERVER
                            + " is true: the Data API serves no one without a key");
        }
        return on;
    }

    private static Set<String> databases(SettingValues values) {
        List<String> listed = values.list(DATA_API_DATABASES);
        return listed.isEmpty() ? Set.of(values.text(DB)) : Set.copyOf(listed);
    }

    private static Set<RequestStatus> statuses(SettingValues values) {
        if (values.set(CONNECTX_STATUSES).isEmpty()) {
            return EnumSet.allOf(RequestStatus.class);
        }
        EnumSet<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String status : values.list(CONNECTX_STATUSES)) {
            try {
                statuses.add(RequestStatus.fromWireName(status));
            } catch (InvalidEventException e) {
                throw new InvalidSettingException(CONNECTX_STATUSES, e.problem());
            }
        }
        if (statuses.isEmpty()) {
            throw new InvalidSettingException(CONNECTX_STATUSES, "names no status; leave it unset to record all seven");
        }
        return statuses;
    }

    @Override
    public String toString() {
        return "AppSettings[" + http + ", subscribedStatuses=" + subscribedStatuses + ", dataApiServer=" + dataApiServer
                + ", dataApiKeys=" + dataApiKeys.size() + " key(s), dataApiDatabases=" + dataApiDatabases + "]";
    }
}
