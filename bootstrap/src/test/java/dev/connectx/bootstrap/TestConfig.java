package dev.connectx.bootstrap;

import dev.connectx.simulator.ConnectSimulator;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration a test starts connectx with: ports the system picks, a data directory of the test's own, then
 * what the test itself sets.
 */
public final class TestConfig {

    private TestConfig() {}

    /** Local mode on free ports, the embedded MongoDB keeping its file in {@code dataDir}. */
    public static Map<String, String> local(Path dataDir) {
        return Map.of(
                "CONNECTX_HTTP_PORT",
                "0",
                "CONNECTX_MONGO_EMBEDDED_PORT",
                "0",
                "CONNECTX_DATA_DIR",
                dataDir.toString());
    }

    /** As {@link #local}, connected to the simulator with the given token and environment. */
    public static Map<String, String> connected(
            Path dataDir, ConnectSimulator connect, String key, String environmentId) {
        Map<String, String> settings = new HashMap<>(local(dataDir));
        settings.putAll(connectTo(connect, key, environmentId));
        return settings;
    }

    /** The Python runner's four Connect variables, pointed at the simulator. */
    public static Map<String, String> connectTo(ConnectSimulator connect, String key, String environmentId) {
        return Map.of(
                "API_KEY",
                key,
                "ENVIRONMENT_ID",
                environmentId,
                "SERVER_ADDRESS",
                connect.serverAddress(),
                "API_ADDRESS",
                connect.apiAddress());
    }

    /**
     * The settings with the Data API store ({@code STORAGE_ADAPTER=http}) talking to connectx's own Data API server on
     * its HTTP port (a free one, fixed so that the endpoint can name it), with the given key.
     */
    public static Map<String, String> onOwnDataApi(Map<String, String> settings, String dataApiKey) {
        int port = dev.connectx.testing.support.LoopbackPorts.free();
        return with(
                settings,
                "CONNECTX_HTTP_PORT",
                String.valueOf(port),
                "STORAGE_ADAPTER",
                "http",
                "CONNECTX_DATA_API_SERVER",
                "true",
                "DATA_API_KEYS",
                dataApiKey,
                "DATA_API_KEY",
                dataApiKey,
                "DATA_API_ENDPOINT",
                "http://127.0.0.1:" + port + "/app/connectx/endpoint/data/v1");
    }

    /** The settings plus more, given as name, value, name, value…; a later value wins. */
    public static Map<String, String> with(Map<String, String> settings, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> all = new HashMap<>(settings);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            all.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return all;
    }

    public static Config config(Map<String, String> settings) {
        return Config.just(ConfigSources.create(settings));
    }
}
