package dev.connectx.adapters.extensions;

import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.SubjectId;
import dev.connectx.domain.TierConfigId;
import dev.connectx.extension.Event;
import dev.connectx.extension.StoredEvents;
import java.util.ArrayList;
import java.util.List;

/** The read side for handlers: one page of at most {@value StoredEvents#LIMIT} events, oldest first. */
final class ExtensionStoredEvents implements StoredEvents {

    private final ReadSubscriptionEventsUseCase events;

    ExtensionStoredEvents(ReadSubscriptionEventsUseCase events) {
        this.events = events;
    }

    @Override
    public List<Event> ofRequest(String requestId) {
        return read(EventsQuery.all().withRequestId(new RequestId(requestId)));
    }

    @Override
    public List<Event> ofSubject(String subjectId) {
        SubjectId id =
                subjectId != null && subjectId.startsWith("TC-") ? new TierConfigId(subjectId) : new AssetId(subjectId);
        return read(EventsQuery.all().withSubject(id));
    }

    private List<Event> read(EventsQuery query) {
        List<Event> found = new ArrayList<>();
        events.events(query.withLimit(LIMIT), event -> found.add(ExtensionEvents.of(event)));
        return List.copyOf(found);
    }
}
