package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.runtime.ConnectVariables;
import dev.connectx.adapters.connect.runtime.ConnectVariablesListener;
import dev.connectx.bootstrap.logging.LogSetup;
import dev.connectx.bootstrap.store.StorageReconfiguration;

/** What Connect's {@code setup_response} changes while connectx runs: the store, and the log level. */
final class ConnectChanges implements ConnectVariablesListener {

    private final StorageReconfiguration reconfiguration;

    ConnectChanges(StorageReconfiguration reconfiguration) {
        this.reconfiguration = reconfiguration;
    }

    @Override
    public void variablesChanged(ConnectVariables variables) {
        reconfiguration.apply(variables.values());
    }

    @Override
    public void logLevelChanged(String level) {
        LogSetup.applyFromConnect(level);
    }
}
