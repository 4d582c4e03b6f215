package dev.connectx.bootstrap.config;

import dev.connectx.adapters.connect.backfill.BackfillSettings;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.adapters.mongo.driver.MongoDriverSettings;
import dev.connectx.adapters.mongo.http.DataApiSettings;
import java.util.Optional;

/**
 * Every setting connectx reads, defined once: its name (an environment variable, also a key of
 * {@code application.yaml} and, for storage, a variable Connect may send), its default, whether it is a secret, and
 * whether connectx declares it to Connect. The README's configuration table is checked against this list
 * ({@code ConfigurationTableTest}).
 */
public enum SettingKey {
    CONNECTX_HTTP_PORT(Part.HTTP_SERVER, "8080"),
    CONNECTX_HTTP_HOST(Part.HTTP_SERVER, "127.0.0.1"),
    CONNECTX_API_TOKEN(Part.HTTP_SERVER, null, Secret.YES, Declared.NO),
    CONNECTX_API_TOKEN_FILE(Part.HTTP_SERVER, null),
    CONNECTX_ALLOWED_HOSTS(Part.HTTP_SERVER, null),
    /** Well below a default limit of 1024 open files, which the store's connections and the jars share. */
    CONNECTX_HTTP_MAX_CONNECTIONS(Part.HTTP_SERVER, "256"),
    /** Enough to keep the store busy at full speed (the benchmark runs 64 in flight), few enough to bound memory. */
    CONNECTX_MAX_TASKS(Part.CONNECT, "64"),

    STORAGE_ADAPTER(Part.STORAGE, "driver", Secret.NO, Declared.CURRENT_VALUE),
    MONGODB_URI(Part.DRIVER, null, Secret.YES, Declared.EMPTY),
    DB_HOST(Part.DRIVER, null, Secret.NO, Declared.CURRENT_VALUE),
    DB_USER(Part.DRIVER, null, Secret.NO, Declared.CURRENT_VALUE),
    DB_PASSWORD(Part.DRIVER, null, Secret.YES, Declared.EMPTY),
    DB(Part.STORAGE, MongoDriverSettings.DEFAULT_DATABASE, Secret.NO, Declared.CURRENT_VALUE),
    DRIVER_COLLECTION(Part.DRIVER, MongoDriverSettings.DEFAULT_COLLECTION, Secret.NO, Declared.CURRENT_VALUE),
    DATA_API_ENDPOINT(Part.DATA_API, null, Secret.NO, Declared.CURRENT_VALUE),
    DATA_API_KEY(Part.DATA_API, null, Secret.YES, Declared.NO),
    DATA_API_KEY_HEADER(Part.DATA_API, DataApiSettings.DEFAULT_API_KEY_HEADER),
    HTTP_COLLECTION(Part.DATA_API, DataApiSettings.DEFAULT_COLLECTION, Secret.NO, Declared.CURRENT_VALUE),
    CLUSTER(Part.DATA_API, DataApiSettings.DEFAULT_DATA_SOURCE, Secret.NO, Declared.CURRENT_VALUE),
    CONNECTX_DATA_API_ALLOW_HTTP(Part.DATA_API, "false"),
    CONNECTX_DATA_API_SERVER(Part.DATA_API_SERVER, "false"),
    DATA_API_KEYS(Part.DATA_API_SERVER, null, Secret.YES, Declared.NO),
    DATA_API_DATABASES(Part.DATA_API_SERVER, null),
    CONNECTX_MONGO_EMBEDDED_PORT(Part.EMBEDDED, "27017"),
    CONNECTX_DATA_DIR(Part.EMBEDDED, "./data"),
    CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT(
            Part.DRIVER, String.valueOf(MongoDriverSettings.DEFAULT_SERVER_SELECTION_TIMEOUT.toMillis())),
    CONNECTX_STORE_TIMEOUT(Part.STORAGE, String.valueOf(MongoDriverSettings.DEFAULT_OPERATION_TIMEOUT.toMillis())),
    CONNECTX_EVENTS(Part.RECORDING, null),
    CONNECTX_STATUSES(Part.RECORDING, null),
    /** The statuses of one event type; see {@link #statusesOf}. */
    CONNECTX_STATUSES_ASSET_PURCHASE_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_ASSET_CHANGE_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_ASSET_SUSPEND_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_ASSET_RESUME_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_ASSET_CANCEL_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_ASSET_ADJUSTMENT_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_TIER_CONFIG_CHANGE_REQUEST_PROCESSING(Part.RECORDING, null),
    CONNECTX_STATUSES_TIER_CONFIG_ADJUSTMENT_REQUEST_PROCESSING(Part.RECORDING, null),

    CONNECTX_BACKFILL_SINCE(Part.BACKFILL, null),
    CONNECTX_BACKFILL_PAGE_SIZE(Part.BACKFILL, String.valueOf(BackfillSettings.DEFAULT_PAGE_SIZE)),
    /** Long enough to ride out a slow store call, short enough that a dead holder's work resumes soon. */
    CONNECTX_BACKFILL_LEASE(Part.BACKFILL, "30"),

    /**
     * The Connect token. As a variable <em>from</em> Connect the same name carries the Data API key, as in the original
     * example; it is declared to Connect empty and secure for that.
     */
    API_KEY(Part.CONNECT, null, Secret.YES, Declared.EMPTY),
    ENVIRONMENT_ID(Part.CONNECT, null),
    SERVER_ADDRESS(Part.CONNECT, ConnectRuntimeSettings.DEFAULT_SERVER_ADDRESS),
    API_ADDRESS(Part.CONNECT, null),
    INSTANCE_ID(Part.CONNECT, null),
    BACKGROUND_TASK_MAX_EXECUTION_TIME(
            Part.CONNECT, String.valueOf(ConnectRuntimeSettings.DEFAULT_BACKGROUND_TASK_TIMEOUT.toSeconds())),

    /** Secret: a proxy URL may carry a password. Read in lower case too ({@code https_proxy}), which wins. */
    HTTPS_PROXY(Part.PROXY, null, Secret.YES, Declared.NO),
    HTTP_PROXY(Part.PROXY, null, Secret.YES, Declared.NO),
    NO_PROXY(Part.PROXY, null),

    /** Unset, no extension is loaded: connectx stores events and runs no handler. */
    CONNECTX_EXTENSIONS_DIR(Part.EXTENSIONS, null),
    /** Seconds; a handler call past it is answered retry. Capped at BACKGROUND_TASK_MAX_EXECUTION_TIME. */
    CONNECTX_HANDLER_TIMEOUT(Part.EXTENSIONS, "60"),

    /** Unset, connectx logs at INFO and follows the level Connect sends. */
    LOG_LEVEL(Part.LOGGING, null),
    CONNECTX_LOG_FORMAT(Part.LOGGING, "text");

    /** {@code CONNECTX_STATUSES_<EVENT_TYPE>}: the setting that narrows one event type's statuses. */
    public static SettingKey statusesOf(dev.connectx.domain.EventType type) {
        return valueOf("CONNECTX_STATUSES_" + type.name());
    }

    /** The part of connectx a setting configures: the README table's "for" column. */
    public enum Part {
        HTTP_SERVER("HTTP server"),
        CONNECT("Connect runtime"),
        RECORDING("recording"),
        BACKFILL("backfill"),
        STORAGE("any store"),
        DRIVER("driver store"),
        DATA_API("Data API store"),
        DATA_API_SERVER("Data API server"),
        EMBEDDED("embedded MongoDB"),
        PROXY("outbound proxy"),
        EXTENSIONS("extensions"),
        LOGGING("logging");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether a value must never be printed. */
    public enum Secret {
        YES,
        NO
    }

    /** What connectx declares to Connect in its {@code setup_request}, which creates a missing variable with it. */
    public enum Declared {
        /** Not declared. */
        NO,
        /** Declared with the value in use (the environment's, else the default), so that declaring changes nothing. */
        CURRENT_VALUE,
        /** Declared secure and empty: connectx never sends a secret of its environment to Connect. */
        EMPTY
    }

    private final Part part;
    private final String defaultValue;
    private final Secret secret;
    private final Declared declared;

    SettingKey(Part part, String defaultValue) {
        this(part, defaultValue, Secret.NO, Declared.NO);
    }

    SettingKey(Part part, String defaultValue, Secret secret, Declared declared) {
        this.part = part;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.declared = declared;
    }

    public Part part() {
        return part;
    }

    /** The value used when none is set; empty when unset has a meaning of its own (see the README). */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean isSecret() {
        return secret == Secret.YES;
    }

    public Declared declared() {
        return declared;
    }

    /**
     * The names the value is read under, the first set one winning: the proxy variables in lower case first, as curl
     * and Python's requests read them; every other key under its name alone.
     */
    public java.util.List<String> names() {
        return part == Part.PROXY
                ? java.util.List.of(name().toLowerCase(java.util.Locale.ROOT), name())
                : java.util.List.of(name());
    }
}
