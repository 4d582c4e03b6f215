package dev.connectx.application.port.in;

import dev.connectx.domain.SubscriptionEvent;
import java.util.Objects;

/**
 * Input of {@link RecordSubscriptionEventUseCase}: one event, already validated by the domain.
 *
 * @param event the event to keep
 */
public record RecordSubscriptionEventCommand(SubscriptionEvent event) {

    public RecordSubscriptionEventCommand {
        Objects.requireNonNull(event, "event");
    }
}
