package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reaching Connect (the Python runner's variables, local mode, half a configuration) and the HTTP server's limits and access settings. */
class ConnectAndHttpSettingsTest {

    private static SettingValues config(Map<String, String> values) {
        return SettingValues.read(Config.just(ConfigSources.create(values)));
    }

    @Test
    void without_api_key_and_environment_connectx_runs_in_local_mode() {
        assertTrue(ConnectSettings.from(config(Map.of())).isEmpty());
    }

    @Test
    void half_a_connect_configuration_fails_at_start_naming_the_missing_variable() {
        InvalidSettingException noEnvironment = assertThrows(
                InvalidSettingException.class, () -> ConnectSettings.from(config(Map.of("API_KEY", "ApiKey SU-1:x"))));
        assertEquals(SettingKey.ENVIRONMENT_ID, noEnvironment.key());
        assertEquals(
                "ENVIRONMENT_ID: is not set, but API_KEY is: set both to run with Connect (API_KEY is the extension's"
                        + " token, ApiKey SU-…:…), or neither for local mode",
                noEnvironment.getMessage());
        assertFalse(noEnvironment.getMessage().contains("SU-1:x"), "the token is never quoted");
        InvalidSettingException noKey = assertThrows(
                InvalidSettingException.class,
                () -> ConnectSettings.from(config(Map.of("ENVIRONMENT_ID", "ENV-1234-5678-01"))));
        assertEquals(SettingKey.API_KEY, noKey.key());
    }

    @Test
    void the_python_runners_variables_reach_connect_and_the_token_is_never_printed() {
        ConnectRuntimeSettings connect = ConnectSettings.from(config(Map.of(
                        "API_KEY",
                        "ApiKey SU-123:very-secret",
                        "ENVIRONMENT_ID",
                        "ENV-1234-5678-01",
                        "INSTANCE_ID",
                        "i-1")))
                .orElseThrow();

        assertEquals(URI.create("wss://api.cnct.info"), connect.webSocketBase());
        assertEquals(URI.create("https://api.cnct.info/public/v1"), connect.apiBase());
        assertEquals("ApiKey SU-123:very-secret", connect.apiKey());
        assertEquals(Duration.ofSeconds(300), connect.backgroundTaskTimeout());
        assertFalse(connect.toString().contains("very-secret"), connect.toString());
    }

    @Test
    void local_peers_may_name_a_scheme_and_a_port() {
        ConnectRuntimeSettings connect = ConnectSettings.from(config(Map.of(
                        "API_KEY",
                        "k",
                        "ENVIRONMENT_ID",
                        "ENV-1",
                        "SERVER_ADDRESS",
                        "ws://127.0.0.1:9000",
                        "BACKGROUND_TASK_MAX_EXECUTION_TIME",
                        "60")))
                .orElseThrow();

        assertEquals(URI.create("ws://127.0.0.1:9000"), connect.webSocketBase());
        assertEquals(
                URI.create("http://127.0.0.1:9000/public/v1"),
                connect.apiBase(),
                "API_ADDRESS defaults to SERVER_ADDRESS");
        assertEquals(Duration.ofSeconds(60), connect.backgroundTaskTimeout());
        assertEquals(
                "BACKGROUND_TASK_MAX_EXECUTION_TIME: 'soon' is not a positive number of seconds",
                assertThrows(
                                InvalidSettingException.class,
                                () -> ConnectSettings.from(config(Map.of(
                                        "API_KEY",
                                        "k",
                                        "ENVIRONMENT_ID",
                                        "ENV-1",
                                        "BACKGROUND_TASK_MAX_EXECUTION_TIME",
                                        "soon"))))
                        .getMessage());
    }

    @Test
    void the_limits_and_access_settings_have_safe_defaults_and_refuse_malformed_values_naming_the_key() {
        AppSettings defaults = AppSettings.from(config(Map.of()));
        assertEquals(
                64,
                ConnectSettings.from(config(Map.of("API_KEY", "k", "ENVIRONMENT_ID", "ENV-1")))
                        .orElseThrow()
                        .maxTasks());
        assertEquals(256, defaults.http().maxConnections());
        assertTrue(defaults.http().token().isEmpty()
                && defaults.http().allowedHosts().isEmpty());
        assertEquals(Set.of("connectx"), defaults.dataApiDatabases(), "the Data API serves DB by default");
        assertEquals(
                Set.of("orders"),
                AppSettings.from(config(Map.of("DB", "orders"))).dataApiDatabases());
        assertEquals(
                Set.of("a", "b"),
                AppSettings.from(config(Map.of("DATA_API_DATABASES", "a, b"))).dataApiDatabases());

        assertEquals(
                "CONNECTX_MAX_TASKS: '0' is not a positive whole number",
                assertThrows(
                                InvalidSettingException.class,
                                () -> ConnectSettings.from(config(Map.of("CONNECTX_MAX_TASKS", "0"))))
                        .getMessage(),
                "refused in local mode too");
        assertTrue(assertThrows(
                        InvalidSettingException.class,
                        () -> AppSettings.from(config(Map.of("CONNECTX_HTTP_MAX_CONNECTIONS", "lots"))))
                .getMessage()
                .startsWith("CONNECTX_HTTP_MAX_CONNECTIONS: "));
        assertTrue(assertThrows(
                        InvalidSettingException.class,
                        () -> AppSettings.from(config(Map.of("CONNECTX_ALLOWED_HOSTS", "http://x/"))))
                .getMessage()
                .startsWith("CONNECTX_ALLOWED_HOSTS: 'http://x/' is not a host name"));
        InvalidSettingException weak = assertThrows(
                InvalidSettingException.class, () -> AppSettings.from(config(Map.of("CONNECTX_API_TOKEN", "hunter2"))));
        assertTrue(weak.getMessage().startsWith("CONNECTX_API_TOKEN: is 7 characters long"), weak.getMessage());
        assertFalse(weak.getMessage().contains("hunter2"));
        AppSettings guarded = AppSettings.from(
                config(Map.of("CONNECTX_HTTP_HOST", "0.0.0.0", "CONNECTX_API_TOKEN", "a-long-enough-token-value")));
        assertFalse(guarded.toString().contains("a-long-enough-token-value"), guarded.toString());
    }
}
