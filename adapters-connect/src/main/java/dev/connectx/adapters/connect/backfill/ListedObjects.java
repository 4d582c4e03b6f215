package dev.connectx.adapters.connect.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.request.RequestReader;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.Printable;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What becomes of one listed object: passed over when it is outside the subscriptions or before {@code since},
 * logged with its id and counted when it is malformed or the store refuses it, and otherwise recorded as one event of
 * its type in its current status, with {@code source: backfill}.
 */
final class ListedObjects {

    private static final System.Logger LOG = System.getLogger(ListedObjects.class.getName());

    private final RequestFamily family;
    private final EventSubscriptions subscriptions;
    private final Instant since;
    private final RequestReader reader;
    private final RecordSubscriptionEventUseCase recordEvent;
    private final ObjectMapper json;

    ListedObjects(
            RequestFamily family,
            EventSubscriptions subscriptions,
            Instant since,
            RequestReader reader,
            RecordSubscriptionEventUseCase recordEvent,
            ObjectMapper json) {
        this.family = family;
        this.subscriptions = subscriptions;
        this.since = since;
        this.reader = reader;
        this.recordEvent = recordEvent;
        this.json = json;
    }

    /**
     * Goes through one object: at once when it is passed over or malformed, else by recording it in the window.
     *
     * @throws StorePausedException from the window's drain when the store cannot keep an event now: the page is to be
     *     asked for again
     */
    void handle(JsonNode object, PageTally tally, RecordingWindow window) throws InterruptedException {
        String id = object.path("id").isTextual() ? object.get("id").textValue() : null;
        Instant updated;
        try {
            updated = RequestReader.updated(family, object).truncatedTo(ChronoUnit.MILLIS);
        } catch (InvalidEventException e) {
            malformed(tally, id, null, e.getMessage());
            return;
        }
        if (id == null) {
            malformed(tally, null, updated, "it has no id");
            return;
        }
        if (!tally.isNew(id, updated)) {
            return;
        }
        Optional<EventType> type = EventType.of(family, object.path("type").asText(""));
        Optional<RequestStatus> status =
                type.flatMap(t -> t.findStatus(object.path("status").asText("")));
        if (type.isEmpty()
                || status.isEmpty()
                || !subscriptions.covers(type.get(), status.get())
                || updated.isBefore(since)) {
            tally.passedOver(id, updated);
            return;
        }
        window.submit(() -> record(type.get(), object, id, updated, tally));
    }

    private void record(EventType type, JsonNode object, String id, Instant updated, PageTally tally) {
        SubscriptionEvent event;
        try {
            event = reader.read(type, object, json.writeValueAsString(object), Optional.empty(), EventSource.BACKFILL);
        } catch (InvalidEventException | JsonProcessingException e) {
            malformed(tally, id, updated, e.getMessage());
            return;
        }
        RecordOutcome outcome = recordEvent.record(new RecordSubscriptionEventCommand(event));
        switch (outcome.result()) {
            case SUCCESS -> {
                if (outcome.storedNow()) {
                    tally.recorded(id, updated);
                } else {
                    tally.storedBefore(id, updated);
                }
            }
            case SKIP -> tally.passedOver(id, updated);
            case FAIL -> malformed(tally, id, updated, outcome.message());
            case RETRY -> throw new StorePausedException(outcome.message());
        }
    }

    private static void malformed(PageTally tally, String id, Instant updated, String why) {
        tally.malformed(id, updated);
        LOG.log(
                Level.WARNING,
                "Backfill passed over the listed object {0}: {1}",
                id == null ? "without an id" : Printable.quoted(id, 60),
                why);
    }

    /** The store could not keep an event now. */
    static final class StorePausedException extends RuntimeException {
        StorePausedException(String message) {
            super(message);
        }
    }
}
