package dev.connectx.bootstrap.store;

import dev.connectx.bootstrap.config.InvalidSettingException;
import dev.connectx.bootstrap.config.StorageSettings;
import io.helidon.config.Config;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies Connect's variables to the store: when they change the storage settings, a store is opened from the new
 * ones and put in place of the old, which closes once its calls in flight finish. An invalid value is logged and the
 * store in place stays.
 */
public final class StorageReconfiguration implements Consumer<Map<String, String>> {

    private static final System.Logger LOG = System.getLogger(StorageReconfiguration.class.getName());

    private final Config config;
    private final Map<String, String> localOverrides;
    private final StoreOpener opener;
    private final SwappableSubscriptionEventStore store;
    private StorageSettings settings;

    /**
     * @param localOverrides local mode's settings over the configuration, which Connect's variables do not replace
     * @param initial the settings of the store in place
     */
    public StorageReconfiguration(Config config, Map<String, String> localOverrides, StorageSettings initial, StoreOpener opener,
            SwappableSubscriptionEventStore store) {
        this.config = config;
        this.localOverrides = Map.copyOf(localOverrides);
        this.settings = initial;
        this.opener = opener;
        this.store = store;
    }

    @Override
    public void accept(Map<String, String> connectVariables) {
        store.awaitFirst(); // the first store is in place before anything replaces it
        StorageSettings next;
        try {
            next = StorageSettings.from(config, localOverrides, connectVariables);
        } catch (InvalidSettingException e) {
            LOG.log(Level.ERROR, "Connect sent an invalid storage setting, keeping {0}: {1}", store.describe(), e.getMessage());
            return;
        }
        synchronized (this) {
            if (next.equals(settings)) {
                return;
            }
            String previous = store.describe();
            store.replace(opener.open(next), next.operationTimeout());
            settings = next;
            LOG.log(Level.INFO, "Storage reconfigured from Connect: {0} (was {1})", store.describe(), previous);
        }
    }
}
