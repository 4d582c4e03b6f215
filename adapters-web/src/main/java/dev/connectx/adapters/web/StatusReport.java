package dev.connectx.adapters.web;

import dev.connectx.application.port.in.EventsUnavailableException;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.ReadHandlerStatesUseCase;
import dev.connectx.application.port.in.ReadRecordingStateUseCase;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads what the status shows, for the read API's {@code /api/status} and for the status page alike.
 *
 * <p>Counting by status reads the whole collection, and every open status page asks every 2 s: answers share a
 * recent count ({@link OverviewCache}), so the store counts at most once a second however many pages are open, and
 * less often when counting takes long.
 */
public final class StatusReport {

    private static final int LATEST_ON_STATUS = 10;
    private final ReadSubscriptionEventsUseCase reads;
    private final ReadBackfillStatusUseCase backfill;
    private final ReadRecordingStateUseCase activity;
    private final ReadHandlerStatesUseCase handlers;
    private final Supplier<ConnectionState> state;
    private final Clock clock;
    private final OverviewCache overviews;

    /** A report without extension handlers. */
    public StatusReport(
            ReadSubscriptionEventsUseCase reads,
            ReadBackfillStatusUseCase backfill,
            ReadRecordingStateUseCase activity,
            Supplier<ConnectionState> state,
            Clock clock) {
        this(reads, backfill, activity, List::of, state, clock);
    }

    public StatusReport(
            ReadSubscriptionEventsUseCase reads,
            ReadBackfillStatusUseCase backfill,
            ReadRecordingStateUseCase activity,
            ReadHandlerStatesUseCase handlers,
            Supplier<ConnectionState> state,
            Clock clock) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.backfill = Objects.requireNonNull(backfill, "backfill");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overviews = new OverviewCache(() -> reads.overview(LATEST_ON_STATUS), System::nanoTime);
    }

    StatusView view() {
        ConnectionState now = state.get();
        Optional<Overview> overview = Optional.empty();
        Optional<String> storeError = Optional.empty();
        try {
            overview = Optional.of(overviews.get());
        } catch (EventsUnavailableException e) {
            storeError = Optional.of(e.getMessage());
        }
        return new StatusView(
                clock.instant(),
                now,
                overview,
                storeError,
                backfill.backfill(),
                activity.activity(),
                handlers.handlerStates());
    }
}
