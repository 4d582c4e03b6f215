package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.mongo.http.DataApiSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The storage adapter and the Data API store's settings: the endpoint, its key (never the Connect token), Connect's variables over the environment's, the Data API server's keys, plain http. */
class DataApiStorageSettingsTest {

    private static SettingValues config(Map<String, String> values) {
        return SettingValues.read(Config.just(ConfigSources.create(values)));
    }

    @Test
    void the_storage_adapter_is_driver_unless_told_and_an_unknown_one_is_refused_listing_the_allowed() {
        assertEquals(
                StorageSettings.StorageAdapter.DRIVER,
                StorageSettings.from(config(Map.of())).adapter());
        assertEquals(
                "STORAGE_ADAPTER: 'postgres' is not one of driver, http",
                assertThrows(
                                InvalidSettingException.class,
                                () -> StorageSettings.from(config(Map.of("STORAGE_ADAPTER", "postgres"))))
                        .getMessage());
    }

    @Test
    void the_http_adapter_needs_an_endpoint_and_a_key_and_never_takes_the_connect_token_for_one() {
        assertTrue(assertThrows(
                        InvalidSettingException.class,
                        () -> StorageSettings.from(config(Map.of("STORAGE_ADAPTER", "http"))))
                .getMessage()
                .startsWith("DATA_API_ENDPOINT: is required"));
        assertTrue(
                assertThrows(
                                InvalidSettingException.class,
                                () -> StorageSettings.from(config(Map.of(
                                        "STORAGE_ADAPTER",
                                        "http",
                                        "DATA_API_ENDPOINT",
                                        "https://data.example/app/x/endpoint/data/v1",
                                        "API_KEY",
                                        "ApiKey SU-1:connect-token"))))
                        .getMessage()
                        .startsWith("DATA_API_KEY: is required"),
                "the process's API_KEY is the Connect token");

        StorageSettings fromConnect = StorageSettings.from(
                config(Map.of(
                        "STORAGE_ADAPTER", "http", "DATA_API_ENDPOINT", "https://data.example/app/x/endpoint/data/v1")),
                Map.of("API_KEY", "data-api-key", "HTTP_COLLECTION", "h"));
        assertEquals("data-api-key", fromConnect.dataApi().orElseThrow().apiKey());
        assertEquals("h", fromConnect.dataApi().orElseThrow().collection());
        assertFalse(fromConnect.toString().contains("data-api-key"), fromConnect.toString());
    }

    @Test
    void the_data_api_server_refuses_to_start_without_keys() {
        assertTrue(assertThrows(
                        InvalidSettingException.class,
                        () -> AppSettings.from(config(Map.of("CONNECTX_DATA_API_SERVER", "true"))))
                .getMessage()
                .startsWith("DATA_API_KEYS: is required"));
        AppSettings on =
                AppSettings.from(config(Map.of("CONNECTX_DATA_API_SERVER", "true", "DATA_API_KEYS", "k1, k2")));
        assertEquals(Set.of("k1", "k2"), on.dataApiKeys());
        assertFalse(on.toString().contains("k1"), on.toString());
    }

    @Test
    void connect_variables_override_the_environment_for_storage() {
        StorageSettings storage = StorageSettings.from(
                config(Map.of("DB", "fromenv")), Map.of("DB", "fromconnect", "DRIVER_COLLECTION", ""));

        assertEquals("fromconnect", storage.database());
        assertEquals("driver_data", storage.collection(), "an empty Connect variable counts as unset");
    }

    @Test
    void the_environments_data_api_key_never_goes_to_an_endpoint_that_connect_named() {
        SettingValues environment = config(Map.of(
                "DATA_API_KEY", "env-secret-key", "DATA_API_ENDPOINT", "https://mine.example/app/a/endpoint/data/v1"));

        InvalidSettingException refused = assertThrows(
                InvalidSettingException.class,
                () -> StorageSettings.from(
                        environment,
                        Map.of(
                                "STORAGE_ADAPTER",
                                "http",
                                "DATA_API_ENDPOINT",
                                "https://elsewhere.example/app/b/endpoint/data/v1")));
        assertTrue(
                refused.getMessage().startsWith("DATA_API_KEY: Connect's variables name DATA_API_ENDPOINT but no key"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("env-secret-key"));

        DataApiSettings withConnectsKey = StorageSettings.from(
                        environment,
                        Map.of(
                                "STORAGE_ADAPTER",
                                "http",
                                "DATA_API_ENDPOINT",
                                "https://elsewhere.example/app/b/endpoint/data/v1",
                                "API_KEY",
                                "connect-key"))
                .dataApi()
                .orElseThrow();
        assertEquals("connect-key", withConnectsKey.apiKey());
        assertEquals("elsewhere.example", withConnectsKey.endpoint().getHost());

        DataApiSettings own = StorageSettings.from(
                        environment, Map.of("STORAGE_ADAPTER", "http", "API_KEY", "connect-key"))
                .dataApi()
                .orElseThrow();
        assertEquals("env-secret-key", own.apiKey(), "the environment's endpoint gets the environment's key");
    }

    @Test
    void plain_http_to_another_host_is_refused_unless_allowed_and_loopback_is_fine() {
        Map<String, String> http = Map.of(
                "STORAGE_ADAPTER",
                "http",
                "DATA_API_KEY",
                "k",
                "DATA_API_ENDPOINT",
                "http://data.example:8080/app/a/endpoint/data/v1");

        InvalidSettingException refused =
                assertThrows(InvalidSettingException.class, () -> StorageSettings.from(config(http)));
        assertTrue(
                refused.getMessage().startsWith("DATA_API_ENDPOINT: is plain http to data.example"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("CONNECTX_DATA_API_ALLOW_HTTP=true"), refused.getMessage());
        assertThrows(
                InvalidSettingException.class,
                () -> StorageSettings.from(
                        config(Map.of("DATA_API_KEY", "k")),
                        Map.of(
                                "STORAGE_ADAPTER",
                                "http",
                                "API_KEY",
                                "k",
                                "DATA_API_ENDPOINT",
                                "http://data.example/app/a/endpoint/data/v1")),
                "from Connect too");

        Map<String, String> allowed = new java.util.HashMap<>(http);
        allowed.put("CONNECTX_DATA_API_ALLOW_HTTP", "true");
        assertEquals(
                "data.example",
                StorageSettings.from(config(allowed))
                        .dataApi()
                        .orElseThrow()
                        .endpoint()
                        .getHost());
        for (String loopback : List.of("127.0.0.1:8080", "localhost:8080", "[::1]:8080")) {
            assertTrue(
                    StorageSettings.from(config(Map.of(
                                    "STORAGE_ADAPTER",
                                    "http",
                                    "DATA_API_KEY",
                                    "k",
                                    "DATA_API_ENDPOINT",
                                    "http://" + loopback + "/app/a/endpoint/data/v1")))
                            .dataApi()
                            .isPresent(),
                    loopback);
        }
    }
}
