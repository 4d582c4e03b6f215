package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.adapters.mongo.http.DataApiSettings;
import dev.connectx.bootstrap.config.StorageSettings.EmbeddedMongo;
import dev.connectx.bootstrap.config.StorageSettings.ExternalMongo;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static SettingValues config(Map<String, String> values) {
        return SettingValues.read(Config.just(ConfigSources.create(values)));
    }

    @Test
    void with_nothing_set_the_embedded_server_on_27017_keeps_data_in_dot_data() {
        StorageSettings storage = StorageSettings.from(config(Map.of()));

        assertEquals(new EmbeddedMongo(27017, Path.of("./data")), storage.target());
        assertEquals("connectx", storage.database());
        assertEquals("driver_data", storage.collection());
        assertEquals(Duration.ofSeconds(5), storage.serverSelectionTimeout());
    }

    @Test
    void the_original_examples_db_variables_build_an_srv_string_and_the_password_is_never_printed() {
        StorageSettings storage = StorageSettings.from(config(Map.of(
                "DB_HOST",
                "cluster0.abcde.mongodb.net",
                "DB_USER",
                "ext user",
                "DB_PASSWORD",
                "p@ss/w:rd",
                "DB",
                "orders")));

        ExternalMongo target = assertInstanceOf(ExternalMongo.class, storage.target());
        assertEquals("mongodb+srv://ext%20user:p%40ss%2Fw%3Ard@cluster0.abcde.mongodb.net/", target.connectionString());
        assertEquals("orders", storage.driverSettings(target.connectionString()).database());
        assertFalse(storage.toString().contains("p@ss") || storage.toString().contains("p%40ss"), storage.toString());
        assertFalse(storage.driverSettings(target.connectionString()).toString().contains("p%40ss"));
    }

    @Test
    void mongodb_uri_wins_over_db_host() {
        StorageSettings storage = StorageSettings.from(config(Map.of(
                "MONGODB_URI", "mongodb://u:secret@10.0.0.1:27017/?replicaSet=rs0", "DB_HOST", "ignored.example.net")));

        assertEquals(
                "mongodb://u:secret@10.0.0.1:27017/?replicaSet=rs0",
                ((ExternalMongo) storage.target()).connectionString());
        assertTrue(storage.toString().contains("mongodb://u:****@10.0.0.1:27017/?replicaSet=rs0"), storage.toString());
    }

    @Test
    void empty_values_count_as_unset_as_in_a_dot_env_file() {
        StorageSettings storage = StorageSettings.from(config(Map.of("MONGODB_URI", "", "DB_HOST", "  ", "DB", "")));

        assertInstanceOf(EmbeddedMongo.class, storage.target());
        assertEquals("connectx", storage.database());
    }

    @Test
    void malformed_values_name_their_key() {
        assertEquals(
                "CONNECTX_HTTP_PORT: 'eighty' is not a port number (0 to 65535)",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of("CONNECTX_HTTP_PORT", "eighty"))))
                        .getMessage());
        assertEquals(
                "CONNECTX_MONGO_EMBEDDED_PORT: '70000' is not a port number (0 to 65535)",
                assertThrows(
                                InvalidSettingException.class,
                                () -> StorageSettings.from(config(Map.of("CONNECTX_MONGO_EMBEDDED_PORT", "70000"))))
                        .getMessage());
        assertTrue(assertThrows(
                        InvalidSettingException.class,
                        () -> StorageSettings.from(config(Map.of("CONNECTX_STORE_TIMEOUT", "soon"))))
                .getMessage()
                .startsWith("CONNECTX_STORE_TIMEOUT: 'soon' is not a positive duration"));
        assertTrue(assertThrows(
                        InvalidSettingException.class,
                        () -> StorageSettings.from(config(Map.of("DB_HOST", "mongodb://h/"))))
                .getMessage()
                .startsWith("DB_HOST: "));
    }

    @Test
    void a_non_mongodb_uri_is_refused_when_read_without_echoing_it() {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class,
                () -> StorageSettings.from(config(Map.of("MONGODB_URI", "postgres://u:hunter2@h/db"))));

        assertTrue(e.getMessage().startsWith("MONGODB_URI: "), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void an_invalid_database_name_is_refused_when_read() {
        assertEquals(
                "DB: database 'my.db' is not a valid MongoDB database name",
                assertThrows(InvalidSettingException.class, () -> StorageSettings.from(config(Map.of("DB", "my.db"))))
                        .getMessage());
        assertEquals(
                "DRIVER_COLLECTION: collection 'system.x' is not a valid MongoDB collection name",
                assertThrows(
                                InvalidSettingException.class,
                                () -> StorageSettings.from(
                                        config(Map.of("MONGODB_URI", "mongodb://h/", "DRIVER_COLLECTION", "system.x"))))
                        .getMessage());
    }

    @Test
    void timeouts_read_milliseconds_or_iso_durations() {
        StorageSettings storage = StorageSettings.from(
                config(Map.of("CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT", "750", "CONNECTX_STORE_TIMEOUT", "PT30S")));

        assertEquals(Duration.ofMillis(750), storage.serverSelectionTimeout());
        assertEquals(Duration.ofSeconds(30), storage.operationTimeout());
    }

    @Test
    void app_defaults_listen_on_loopback_8080_and_record_all_nine_event_types_in_all_their_statuses() {
        AppSettings app = AppSettings.from(config(Map.of()));

        assertEquals("127.0.0.1", app.http().host());
        assertEquals(8080, app.http().port());
        assertEquals(EventSubscriptions.all(), app.subscriptions());
    }

    @Test
    void connectx_events_narrows_the_types_and_an_unknown_one_fails_naming_the_nine() {
        EventSubscriptions two = AppSettings.from(
                        config(
                                Map.of(
                                        "CONNECTX_EVENTS",
                                        " asset_suspend_request_processing,tier_config_setup_request_processing, asset_suspend_request_processing")))
                .subscriptions();
        assertEquals(
                Set.of(EventType.ASSET_SUSPEND_REQUEST_PROCESSING, EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING),
                two.types());
        assertTrue(two.covers(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING, RequestStatus.DRAFT));
        InvalidSettingException unknown = assertThrows(
                InvalidSettingException.class,
                () -> AppSettings.from(config(Map.of("CONNECTX_EVENTS", "asset_renew_request_processing"))));
        assertEquals(SettingKey.CONNECTX_EVENTS, unknown.key());
        assertTrue(
                unknown.getMessage()
                        .startsWith("CONNECTX_EVENTS: 'asset_renew_request_processing' is not one of "
                                + EventType.allowed()),
                unknown.getMessage());
        assertEquals(
                "CONNECTX_STATUSES: narrows asset_purchase_request_processing, which CONNECTX_EVENTS does not subscribe to",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_EVENTS",
                                        "asset_cancel_request_processing",
                                        "CONNECTX_STATUSES",
                                        "approved"))))
                        .getMessage());
    }

    @Test
    void each_types_statuses_can_be_narrowed_within_its_own_and_every_mistake_names_its_key() {
        EventSubscriptions narrowed = AppSettings.from(config(Map.of(
                        "CONNECTX_STATUSES_ASSET_SUSPEND_REQUEST_PROCESSING",
                        "approved,failed",
                        "CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING",
                        "draft")))
                .subscriptions();
        assertEquals(
                EnumSet.of(RequestStatus.APPROVED, RequestStatus.FAILED),
                narrowed.statusesByType().get(EventType.ASSET_SUSPEND_REQUEST_PROCESSING));
        assertEquals(
                Set.of(RequestStatus.DRAFT),
                narrowed.statusesByType().get(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING));
        assertEquals(
                7,
                narrowed.statusesByType()
                        .get(EventType.ASSET_CHANGE_REQUEST_PROCESSING)
                        .size());

        assertEquals(
                "CONNECTX_STATUSES_ASSET_CANCEL_REQUEST_PROCESSING: 'inquiring' is not one of pending, approved, failed, scheduled, revoking, revoked",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_STATUSES_ASSET_CANCEL_REQUEST_PROCESSING", "approved,inquiring"))))
                        .getMessage());
        assertEquals(
                SettingKey.CONNECTX_STATUSES_ASSET_PURCHASE_REQUEST_PROCESSING,
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_STATUSES",
                                        "approved",
                                        "CONNECTX_STATUSES_ASSET_PURCHASE_REQUEST_PROCESSING",
                                        "failed"))))
                        .key());
        assertEquals(
                "CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING: narrows tier_config_setup_request_processing, which CONNECTX_EVENTS does not subscribe to",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_EVENTS",
                                        "asset_purchase_request_processing",
                                        "CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING",
                                        "draft"))))
                        .getMessage());
    }

    @Test
    void subscribed_statuses_can_be_narrowed_and_unknown_ones_are_refused() {
        assertEquals(
                EnumSet.of(RequestStatus.APPROVED, RequestStatus.FAILED),
                AppSettings.from(config(Map.of("CONNECTX_STATUSES", "approved, failed")))
                        .subscriptions()
                        .statusesByType()
                        .get(EventType.ASSET_PURCHASE_REQUEST_PROCESSING));
        assertEquals(
                "CONNECTX_STATUSES: 'draft' is not one of pending, approved, failed, inquiring, scheduled, revoking, revoked",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of("CONNECTX_STATUSES", "approved,draft"))))
                        .getMessage());
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
