package dev.connectx.bootstrap;

import dev.connectx.bootstrap.config.ConnectxSettings;
import dev.connectx.bootstrap.config.SettingKey;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * The first lines connectx logs: its version and Java's, the store, where the API token is kept (when a file holds
 * it), and the proxies. None of them prints a secret.
 */
final class StartupLog {

    private static final System.Logger LOG = System.getLogger(ConnectxApp.class.getName());

    private StartupLog() {}

    static void settings(ConnectxSettings settings) {
        LOG.log(Level.INFO, "connectx {0} starting, Java {1}", Version.current(), Runtime.version());
        LOG.log(Level.INFO, "Storage: {0}", settings.storage());
        if (settings.values().set(SettingKey.CONNECTX_API_TOKEN).isEmpty()) {
            settings.values()
                    .set(SettingKey.CONNECTX_API_TOKEN_FILE)
                    .ifPresent(file -> LOG.log(
                            Level.INFO,
                            "API token: in {0} ({1}); read it there, it is never logged",
                            Path.of(file).toAbsolutePath().normalize(),
                            SettingKey.CONNECTX_API_TOKEN_FILE));
        }
        if (settings.proxies().any()) {
            LOG.log(Level.INFO, "Proxy: {0}", settings.proxies().describe());
        }
    }
}
