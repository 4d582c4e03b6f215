package dev.connectx.application.service;

import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.SubscriptionEvent;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Records subscription events: skips what the extension does not subscribe to, keeps the rest in the store, hands
 * each kept live event to the handlers (a backfilled one is the past, and only kept), and turns the answers into what
 * Connect should be told. Handlers run only once the
 * event is stored, so that whatever they answer, nothing is lost and nothing is stored twice.
 */
public final class RecordSubscriptionEventService implements RecordSubscriptionEventUseCase {

    private static final System.Logger LOG = System.getLogger(RecordSubscriptionEventService.class.getName());

    private final SubscriptionEventStore store;
    private final EventSubscriptions subscriptions;
    private final EventHandlerChain handlers;

    public RecordSubscriptionEventService(
            SubscriptionEventStore store, EventSubscriptions subscriptions, EventHandlerChain handlers) {
        this.store = Objects.requireNonNull(store, "store");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /** Stores, with no handlers. */
    public RecordSubscriptionEventService(SubscriptionEventStore store, EventSubscriptions subscriptions) {
        this(store, subscriptions, EventHandlerChain.NONE);
    }

    @Override
    public RecordOutcome record(RecordSubscriptionEventCommand command) {
        SubscriptionEvent event = command.event();
        if (!subscriptions.covers(event.type(), event.status())) {
            return RecordOutcome.skip("not subscribed to " + event.type() + " in status " + event.status());
        }
        RecordOutcome kept = keep(event);
        if (kept.result() != RecordOutcome.Result.SUCCESS
                || handlers.isEmpty()
                || event.source() == EventSource.BACKFILL) {
            return kept; // a backfilled event is the past: it is kept, and no handler acts on it
        }
        HandlerVerdict verdict = handlers.run(new HandledEvent(event, kept.foundStored(), command.credentials()));
        return switch (verdict.kind()) {
            case DONE -> kept;
            case RETRY -> new RecordOutcome(RecordOutcome.Result.RETRY, verdict.reason(), kept.kept());
            case FAIL -> new RecordOutcome(RecordOutcome.Result.FAIL, verdict.reason(), kept.kept());
        };
    }

    private RecordOutcome keep(SubscriptionEvent event) {
        try {
            SaveResult result = store.save(event);
            return switch (result) {
                case STORED -> RecordOutcome.stored("stored " + event.key());
                case ALREADY_STORED -> RecordOutcome.alreadyStored("already stored " + event.key());
            };
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Store unavailable for {0}: {1}", event.key(), e.getMessage());
            return RecordOutcome.retry("store unavailable: " + e.getMessage());
        } catch (EventRejectedException e) {
            LOG.log(Level.WARNING, "Store rejected {0}: {1}", event.key(), e.getMessage());
            return RecordOutcome.fail("store rejected the event: " + e.getMessage());
        } catch (RuntimeException e) {
            // Unknown failures are retried: Connect delivers the event again, and nothing is lost.
            LOG.log(Level.ERROR, "Unexpected failure storing " + event.key(), e);
            return RecordOutcome.retry(
                    "unexpected store failure: " + e.getClass().getSimpleName());
        }
    }
}
