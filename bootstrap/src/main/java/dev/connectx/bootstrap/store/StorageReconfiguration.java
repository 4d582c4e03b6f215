package dev.connectx.bootstrap.store;

import dev.connectx.bootstrap.config.InvalidSettingException;
import dev.connectx.bootstrap.config.SettingValues;
import dev.connectx.bootstrap.config.StorageSettings;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * Applies Connect's variables to the store: when they change the storage settings, a store is opened from the new
 * ones and put in place of the old, which closes once its calls in flight finish. An invalid value is logged and the
 * store in place stays.
 */
public final class StorageReconfiguration {

    private static final System.Logger LOG = System.getLogger(StorageReconfiguration.class.getName());

    private final SettingValues base;
    private final StoreOpener opener;
    private final SwappableSubscriptionEventStore store;
    private final Optional<SwappableBackfillCheckpointStore> checkpoints;
    private StorageSettings settings;

    /**
     * @param base the values Connect's variables go over: the environment's, and local mode's own
     * @param initial the settings of the store in place
     * @param checkpoints the backfill's checkpoints, which move with the events; empty without a backfill
     */
    public StorageReconfiguration(
            SettingValues base,
            StorageSettings initial,
            StoreOpener opener,
            SwappableSubscriptionEventStore store,
            Optional<SwappableBackfillCheckpointStore> checkpoints) {
        this.base = base;
        this.settings = initial;
        this.opener = opener;
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /** Applies the variables of a {@code setup_response}: name to value, secure ones included. */
    public void apply(Map<String, String> connectVariables) {
        store.awaitFirst(); // the first store is in place before anything replaces it
        StorageSettings next;
        try {
            next = StorageSettings.from(base, connectVariables);
        } catch (InvalidSettingException e) {
            LOG.log(
                    Level.ERROR,
                    "Connect sent an invalid storage setting, keeping {0}: {1}",
                    store.describe(),
                    e.getMessage());
            return;
        }
        synchronized (this) {
            if (next.equals(settings)) {
                return;
            }
            String previous = store.describe();
            store.replace(opener.open(next), next.operationTimeout());
            checkpoints.ifPresent(swappable -> swappable.replace(opener.openCheckpoints(next)));
            settings = next;
            LOG.log(Level.INFO, "Storage reconfigured from Connect: {0} (was {1})", store.describe(), previous);
        }
    }
}
