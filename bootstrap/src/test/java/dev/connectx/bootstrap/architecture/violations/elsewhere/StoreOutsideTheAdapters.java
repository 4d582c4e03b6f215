package dev.connectx.bootstrap.architecture.violations.elsewhere;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.util.List;
import java.util.Optional;

/** Breaks a rule on purpose: a store implemented outside the adapters and the composition root's store package. */
public final class StoreOutsideTheAdapters implements SubscriptionEventStore {

    @Override
    public SaveResult save(SubscriptionEvent event) {
        return SaveResult.STORED;
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        return Optional.empty();
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return List.of();
    }

    @Override
    public long count(EventQuery query) {
        return 0;
    }

    @Override
    public EventCounts countEvents() {
        return EventCounts.none();
    }

    @Override
    public long countUnreadable() {
        return 0;
    }

    @Override
    public boolean isReachable() {
        return true;
    }

    @Override
    public String describe() {
        return "nowhere";
    }

    @Override
    public void close() {}
}
