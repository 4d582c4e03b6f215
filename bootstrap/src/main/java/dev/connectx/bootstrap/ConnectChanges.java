package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.runtime.ConnectVariables;
import dev.connectx.adapters.connect.runtime.ConnectVariablesListener;
import dev.connectx.bootstrap.logging.LogSetup;
import dev.connectx.bootstrap.store.StorageReconfiguration;

/**
 * What Connect's {@code setup_response} changes while connectx runs: the store, the handlers' settings, and the log
 * level.
 */
final class ConnectChanges implements ConnectVariablesListener {

    private final StorageReconfiguration reconfiguration;
    private final ExtensionWiring extensions;

    ConnectChanges(StorageReconfiguration reconfiguration, ExtensionWiring extensions) {
        this.reconfiguration = reconfiguration;
        this.extensions = extensions;
    }

    @Override
    public void variablesChanged(ConnectVariables variables) {
        extensions.connectVariablesChanged(variables.values());
        reconfiguration.apply(variables.values());
    }

    @Override
    public void logLevelChanged(String level) {
        LogSetup.applyFromConnect(level);
    }
}
