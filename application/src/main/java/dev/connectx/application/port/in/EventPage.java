package dev.connectx.application.port.in;

import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.SubscriptionEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of events.
 *
 * @param events the events, in the query's order
 * @param next the query for the next page; empty on the last page
 */
public record EventPage(List<SubscriptionEvent> events, Optional<EventQuery> next) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
    }
}
