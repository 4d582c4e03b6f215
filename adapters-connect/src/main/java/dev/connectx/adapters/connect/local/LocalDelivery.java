package dev.connectx.adapters.connect.local;

import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.SubscriptionEvent;

/** Where a locally posted purchase request goes once it has been read and checked. */
@FunctionalInterface
public interface LocalDelivery {

    /** Delivers the event; returns what Connect would be told. */
    RecordOutcome deliver(SubscriptionEvent event);

    /** Straight to the use case, bypassing the Connect protocol. */
    static LocalDelivery direct(RecordSubscriptionEventUseCase recordEvent) {
        return event -> recordEvent.record(new RecordSubscriptionEventCommand(event));
    }
}
