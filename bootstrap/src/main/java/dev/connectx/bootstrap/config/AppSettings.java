package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_DATA_API_SERVER;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_EVENTS;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_STATUSES;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_DATABASES;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_KEYS;
import static dev.connectx.bootstrap.config.SettingKey.DB;

import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.RequestStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The app's own settings (everything but storage and Connect).
 *
 * @param http the HTTP server's settings
 * @param subscriptions the event types recorded ({@code CONNECTX_EVENTS}, all nine) and their statuses (each type's
 *     own; for purchase requests {@code CONNECTX_STATUSES}); others are answered {@code skip}
 * @param dataApiServer whether to serve the MongoDB Data API on the HTTP port ({@code CONNECTX_DATA_API_SERVER})
 * @param dataApiKeys the keys it accepts ({@code DATA_API_KEYS}, comma-separated); never printed
 * @param dataApiDatabases the databases it serves ({@code DATA_API_DATABASES}, comma-separated; {@code DB} by default)
 */
public record AppSettings(
        HttpSettings http,
        EventSubscriptions subscriptions,
        boolean dataApiServer,
        Set<String> dataApiKeys,
        Set<String> dataApiDatabases) {

    public AppSettings {
        dataApiKeys = Set.copyOf(dataApiKeys);
        dataApiDatabases = Set.copyOf(dataApiDatabases);
    }

    /** @throws InvalidSettingException naming the key of a missing or malformed value */
    public static AppSettings from(SettingValues values) {
        return new AppSettings(
                HttpSettings.from(values),
                subscriptions(values),
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

    private static EventSubscriptions subscriptions(SettingValues values) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : values.list(CONNECTX_EVENTS)) {
            try {
                types.add(EventType.fromWireName(name));
            } catch (InvalidEventException e) {
                throw new InvalidSettingException(CONNECTX_EVENTS, e.problem());
            }
        }
        if (types.isEmpty()) {
            types = EnumSet.allOf(EventType.class);
        }
        Map<EventType, Set<RequestStatus>> subscribed = new EnumMap<>(EventType.class);
        types.forEach(type -> subscribed.put(type, type.statuses()));
        SettingKey purchase = SettingKey.statusesOf(EventType.ASSET_PURCHASE_REQUEST_PROCESSING);
        if (!values.set(CONNECTX_STATUSES).isEmpty() && !values.set(purchase).isEmpty()) {
            throw new InvalidSettingException(
                    purchase, "and " + CONNECTX_STATUSES + " both narrow the same statuses; set one of them");
        }
        for (EventType type : EventType.values()) {
            SettingKey key = type == EventType.ASSET_PURCHASE_REQUEST_PROCESSING
                            && values.set(purchase).isEmpty()
                    ? CONNECTX_STATUSES
                    : SettingKey.statusesOf(type);
            if (values.set(key).isEmpty()) {
                continue;
            }
            if (!types.contains(type)) {
                throw new InvalidSettingException(
                        key, "narrows " + type + ", which " + CONNECTX_EVENTS + " does not subscribe to");
            }
            subscribed.put(type, statuses(values, key, type));
        }
        return new EventSubscriptions(subscribed);
    }

    private static Set<RequestStatus> statuses(SettingValues values, SettingKey key, EventType type) {
        EnumSet<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String status : values.list(key)) {
            try {
                statuses.add(type.status(status));
            } catch (InvalidEventException e) {
                throw new InvalidSettingException(key, e.problem());
            }
        }
        if (statuses.isEmpty()) {
            throw new InvalidSettingException(key, "names no status; leave it unset to record all of " + type + "'s");
        }
        return statuses;
    }

    @Override
    public String toString() {
        return "AppSettings[" + http + ", subscriptions=" + subscriptions + ", dataApiServer=" + dataApiServer
                + ", dataApiKeys=" + dataApiKeys.size() + " key(s), dataApiDatabases=" + dataApiDatabases + "]";
    }
}
