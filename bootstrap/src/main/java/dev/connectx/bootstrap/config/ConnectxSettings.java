package dev.connectx.bootstrap.config;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.adapters.connect.runtime.ConnectVariable;
import dev.connectx.proxy.ProxyRules;
import io.helidon.config.Config;
import java.util.List;
import java.util.Optional;

/**
 * Everything connectx is configured with, read once at start: the configuration (environment over
 * {@code application.yaml}) becomes {@link SettingValues}, local mode's own settings go over them, and the typed
 * settings of each part are read from those. Only the extensions keep a view of the configuration, for their handlers'
 * own settings, whose names connectx learns from the handlers.
 *
 * @param values the values the storage settings are read from again when Connect's variables change
 * @param app the HTTP server, the Data API server and what is recorded
 * @param connect how to reach Connect; empty in local mode
 * @param storage the store at start
 * @param declaredVariables the variables declared to Connect
 * @param backfill the backfill; empty when {@code CONNECTX_BACKFILL_SINCE} is not set
 * @param proxies the proxies of outbound HTTP: to Connect and to a Data API
 * @param logging the log's level and format
 * @param extensions where the extension jars are, and how long a handler may take
 */
public record ConnectxSettings(
        SettingValues values,
        AppSettings app,
        Optional<ConnectRuntimeSettings> connect,
        StorageSettings storage,
        List<ConnectVariable> declaredVariables,
        Optional<BackfillOptions> backfill,
        ProxyRules proxies,
        LogOptions logging,
        ExtensionOptions extensions) {

    public ConnectxSettings {
        declaredVariables = List.copyOf(declaredVariables);
    }

    /** @throws InvalidSettingException naming the key of the first missing or malformed value */
    public static ConnectxSettings from(Config config) {
        SettingValues environment = SettingValues.read(config);
        Optional<ConnectRuntimeSettings> connect = ConnectSettings.from(environment);
        SettingValues values = environment.over(LocalDataApi.overrides(environment, connect.isEmpty()));
        return new ConnectxSettings(
                values,
                AppSettings.from(values),
                connect,
                StorageSettings.from(values),
                StorageSettings.declaredVariables(environment),
                BackfillOptions.from(values, connect),
                ProxySettings.from(environment),
                LogOptions.from(environment),
                ExtensionOptions.from(environment, connect, config));
    }

    /** Whether the settings at start need a MongoDB client: for the driver store, or for connectx's Data API server. */
    public boolean needsMongo() {
        return storage.adapter() == StorageSettings.StorageAdapter.DRIVER || app.dataApiServer();
    }
}
