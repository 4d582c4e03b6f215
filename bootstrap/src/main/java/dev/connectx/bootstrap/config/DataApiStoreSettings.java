package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.API_KEY;
import static dev.connectx.bootstrap.config.SettingKey.CLUSTER;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_DATA_API_ALLOW_HTTP;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_ENDPOINT;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_KEY;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_KEY_HEADER;
import static dev.connectx.bootstrap.config.SettingKey.HTTP_COLLECTION;

import dev.connectx.adapters.mongo.http.DataApiSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The Data API store's settings, from the layers of {@link StorageSettings}, with the rules of where its key may go. */
final class DataApiStoreSettings {

    private DataApiStoreSettings() {}

    /**
     * The Data API store's settings. A key goes only where its owner sends it: an endpoint that Connect's variables name
     * gets Connect's key ({@code DATA_API_KEY} or {@code API_KEY} there), never the environment's; an endpoint of the
     * environment gets the environment's {@code DATA_API_KEY}, else Connect's. Plain {@code http://} is refused for a
     * host other than this machine unless {@code CONNECTX_DATA_API_ALLOW_HTTP=true} (in the environment).
     */
    static DataApiSettings from(
            SettingValues values,
            SettingValues environment,
            Map<String, String> connectVariables,
            String database,
            Duration timeout) {
        String endpoint = values.set(DATA_API_ENDPOINT)
                .orElseThrow(() -> new InvalidSettingException(
                        DATA_API_ENDPOINT,
                        "is required when STORAGE_ADAPTER is http (the Data API base URL up to /v1)"));
        Optional<String> connectKey = text(connectVariables, DATA_API_KEY).or(() -> text(connectVariables, API_KEY));
        String key;
        if (text(connectVariables, DATA_API_ENDPOINT).isPresent()) {
            key = connectKey.orElseThrow(
                    () -> new InvalidSettingException(
                            DATA_API_KEY,
                            "Connect's variables name DATA_API_ENDPOINT but no"
                                    + " key for it (DATA_API_KEY or API_KEY there); the environment's DATA_API_KEY goes only to the environment's endpoint"));
        } else {
            key = environment
                    .set(DATA_API_KEY)
                    .or(() -> connectKey)
                    .orElseThrow(
                            () -> new InvalidSettingException(
                                    DATA_API_KEY,
                                    "is required when STORAGE_ADAPTER is http (or Connect's variable API_KEY, as in the original example)"));
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(DATA_API_ENDPOINT, e.getMessage());
        }
        if ("http".equalsIgnoreCase(uri.getScheme())
                && !isLoopbackHost(uri.getHost())
                && !environment.bool(CONNECTX_DATA_API_ALLOW_HTTP)) {
            throw new InvalidSettingException(
                    DATA_API_ENDPOINT,
                    "is plain http to " + uri.getHost() + ": the key and every event would"
                            + " cross the network unencrypted. Use https, or set " + CONNECTX_DATA_API_ALLOW_HTTP
                            + "=true to allow it");
        }
        try {
            return new DataApiSettings(
                    uri,
                    key,
                    values.text(DATA_API_KEY_HEADER),
                    values.text(CLUSTER),
                    database,
                    values.text(HTTP_COLLECTION),
                    timeout);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(DATA_API_ENDPOINT, e.getMessage());
        }
    }

    private static Optional<String> text(Map<String, String> values, SettingKey key) {
        return Optional.ofNullable(values.get(key.name())).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A literal loopback address or {@code localhost}; no name is looked up (DNS could say anything). */
    private static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return name.equalsIgnoreCase("localhost") || name.matches("127(\\.[0-9]{1,3}){3}") || name.equals("::1");
    }
}
