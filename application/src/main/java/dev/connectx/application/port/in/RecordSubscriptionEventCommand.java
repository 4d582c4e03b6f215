package dev.connectx.application.port.in;

import dev.connectx.application.port.out.ConnectCalls;
import dev.connectx.domain.SubscriptionEvent;
import java.util.Objects;

/**
 * Input of {@link RecordSubscriptionEventUseCase}: one event, already validated by the domain.
 *
 * @param event the event to keep
 * @param connect Connect with the credentials of the task that delivered it, for the event's handlers
 */
public record RecordSubscriptionEventCommand(SubscriptionEvent event, ConnectCalls connect) {

    public RecordSubscriptionEventCommand {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(connect, "connect");
    }

    /** An event that came with no Connect task: its handlers cannot call Connect. */
    public RecordSubscriptionEventCommand(SubscriptionEvent event) {
        this(event, ConnectCalls.NONE);
    }
}
