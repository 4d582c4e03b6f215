package dev.connectx.adapters.extensions;

import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What connectx lends every handler.
 *
 * @param events the read side, for {@link dev.connectx.extension.StoredEvents}
 * @param settings a setting's value by its full name (prefix included), or empty; never one of connectx's own
 * @param connect where Connect's REST API is; empty in local mode
 */
public record HandlerServices(
        ReadSubscriptionEventsUseCase events,
        Function<String, Optional<String>> settings,
        Optional<ConnectEndpoint> connect) {

    public HandlerServices {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(connect, "connect");
    }
}
