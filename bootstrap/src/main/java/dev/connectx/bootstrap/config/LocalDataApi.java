package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_DATA_API_SERVER;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_HTTP_PORT;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_ENDPOINT;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_KEY;
import static dev.connectx.bootstrap.config.SettingKey.DATA_API_KEYS;
import static dev.connectx.bootstrap.config.SettingKey.STORAGE_ADAPTER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

/**
 * Local mode with {@code STORAGE_ADAPTER=http} and no {@code DATA_API_ENDPOINT}: the Data API store talks to
 * connectx's own Data API server over loopback, with a key made up for this process, so that the whole HTTP path
 * runs with no external service.
 */
public final class LocalDataApi {

    private LocalDataApi() {}

    /**
     * The settings that point the Data API store at connectx's own server, or none when they do not apply.
     *
     * @param localMode whether connectx runs without Connect ({@code API_KEY}/{@code ENVIRONMENT_ID} unset)
     */
    public static Map<SettingKey, String> overrides(SettingValues values, boolean localMode) {
        boolean http = values.text(STORAGE_ADAPTER).equalsIgnoreCase("http");
        if (!localMode || !http || values.set(DATA_API_ENDPOINT).isPresent()) {
            return Map.of();
        }
        int port = values.port(CONNECTX_HTTP_PORT);
        if (port == 0) {
            port = freeLoopbackPort(); // the store needs the URL before the server listens
        }
        String key = "local-" + UUID.randomUUID();
        String keys =
                values.set(DATA_API_KEYS).map(existing -> existing + "," + key).orElse(key);
        return Map.of(
                CONNECTX_HTTP_PORT,
                String.valueOf(port),
                CONNECTX_DATA_API_SERVER,
                "true",
                DATA_API_KEYS,
                keys,
                DATA_API_ENDPOINT,
                "http://127.0.0.1:" + port + "/app/connectx/endpoint/data/v1",
                DATA_API_KEY,
                key);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
