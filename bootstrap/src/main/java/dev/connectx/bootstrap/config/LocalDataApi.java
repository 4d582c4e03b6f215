package dev.connectx.bootstrap.config;

import io.helidon.config.Config;
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

    private LocalDataApi() {
    }

    /**
     * The settings that point the Data API store at connectx's own server, or none when they do not apply.
     *
     * @param localMode whether connectx runs without Connect ({@code API_KEY}/{@code ENVIRONMENT_ID} unset)
     */
    public static Map<String, String> overrides(Config config, boolean localMode) {
        Settings settings = new Settings(config);
        boolean http = settings.text(StorageSettings.STORAGE_ADAPTER).map(value -> value.equalsIgnoreCase("http")).orElse(false);
        if (!localMode || !http || settings.text(StorageSettings.DATA_API_ENDPOINT).isPresent()) {
            return Map.of();
        }
        int port = settings.port(AppSettings.HTTP_PORT, AppSettings.DEFAULT_HTTP_PORT);
        if (port == 0) {
            port = freeLoopbackPort(); // the store needs the URL before the server listens
        }
        String key = "local-" + UUID.randomUUID();
        String keys = settings.text(AppSettings.DATA_API_KEYS).map(existing -> existing + "," + key).orElse(key);
        return Map.of(
                AppSettings.HTTP_PORT, String.valueOf(port),
                AppSettings.DATA_API_SERVER, "true",
                AppSettings.DATA_API_KEYS, keys,
                StorageSettings.DATA_API_ENDPOINT, "http://127.0.0.1:" + port + "/app/connectx/endpoint/data/v1",
                StorageSettings.DATA_API_KEY, key);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
