package dev.connectx.adapters.extensions;

import dev.connectx.extension.Settings;
import dev.connectx.extension.StoredEvents;
import java.util.Optional;

/** What one handler's calls share: its settings, the stored events, and Connect when there is one. */
record CallServices(Settings settings, StoredEvents storedEvents, Optional<ConnectRestCalls> connect) {

    CallServices(HandlerServices services, String prefix) {
        this(
                new PrefixedSettings(prefix, services.settings()),
                new ExtensionStoredEvents(services.events()),
                services.connect()
                        .map(endpoint ->
                                new ConnectRestCalls(endpoint.client(), endpoint.apiBase(), endpoint.timeout())));
    }
}
