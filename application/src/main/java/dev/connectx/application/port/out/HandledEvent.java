package dev.connectx.application.port.out;

import dev.connectx.application.port.in.RecordSubscriptionEventCommand.ConnectCredentials;
import dev.connectx.domain.SubscriptionEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * What an event's handlers get: the event, once stored.
 *
 * @param event the stored event
 * @param repeat whether it was stored by an earlier delivery
 * @param credentials the Connect token the event came with; empty when it came with none
 */
public record HandledEvent(SubscriptionEvent event, boolean repeat, Optional<ConnectCredentials> credentials) {

    public HandledEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(credentials, "credentials");
    }
}
