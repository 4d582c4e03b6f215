package dev.connectx.application.port.out;

import dev.connectx.domain.SubscriptionEvent;
import java.util.Objects;

/**
 * What an event's handlers get: the event, once stored.
 *
 * @param event the stored event
 * @param repeat whether it was stored by an earlier delivery
 * @param connect Connect, with the credentials of the task that delivered it
 */
public record HandledEvent(SubscriptionEvent event, boolean repeat, ConnectCalls connect) {

    public HandledEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(connect, "connect");
    }
}
