package dev.connectx.adapters.extensions;

import dev.connectx.extension.ConnectClient;
import dev.connectx.extension.HandlerContext;
import dev.connectx.extension.Settings;
import dev.connectx.extension.StoredEvents;

/** The context of one handler call. */
record CallContext(boolean repeat, ConnectClient connect, CallServices services, System.Logger logger)
        implements HandlerContext {

    @Override
    public StoredEvents storedEvents() {
        return services.storedEvents();
    }

    @Override
    public Settings settings() {
        return services.settings();
    }
}
