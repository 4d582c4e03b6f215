package dev.connectx.adapters.extensions;

import dev.connectx.extension.Settings;
import dev.connectx.extension.StoredEvents;

/** What one handler's calls share: its settings and the stored events. */
record CallServices(Settings settings, StoredEvents storedEvents) {

    CallServices(HandlerServices services, String prefix) {
        this(new PrefixedSettings(prefix, services.settings()), new ExtensionStoredEvents(services.events()));
    }
}
