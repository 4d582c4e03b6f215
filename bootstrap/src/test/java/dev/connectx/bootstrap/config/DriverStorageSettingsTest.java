package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.bootstrap.config.StorageSettings.EmbeddedMongo;
import dev.connectx.bootstrap.config.StorageSettings.ExternalMongo;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver store's settings: the embedded default, the original example's DB_* variables, MONGODB_URI, the database, timeouts, and malformed values named by key. */
class DriverStorageSettingsTest {

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
}
