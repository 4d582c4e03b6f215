package dev.connectx.application.service;

import dev.connectx.application.port.in.ReadRecordingStateUseCase;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.in.RecordingState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records through the use case it wraps and keeps what people want to see of it: results by outcome, duplicates, the
 * latest failure, and a minute-by-minute count of the last hour. Constant memory: 60 counters and one failure.
 */
public final class RecordingActivityService implements RecordSubscriptionEventUseCase, ReadRecordingStateUseCase {

    private static final int MINUTES = RecordingState.MINUTES;

    private final RecordSubscriptionEventUseCase delegate;
    private final Clock clock;
    private final Instant since;
    private final Map<RecordOutcome.Result, LongAdder> byResult = new EnumMap<>(RecordOutcome.Result.class);
    private final LongAdder duplicates = new LongAdder();
    private final long[] minuteCounts = new long[MINUTES];
    private final long[] minuteOf = new long[MINUTES];
    private volatile RecordingState.Failure lastFailure;

    public RecordingActivityService(RecordSubscriptionEventUseCase delegate, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.since = clock.instant();
        for (RecordOutcome.Result result : RecordOutcome.Result.values()) {
            byResult.put(result, new LongAdder());
        }
    }

    @Override
    public RecordOutcome record(RecordSubscriptionEventCommand command) {
        RecordOutcome outcome = delegate.record(command);
        Instant now = clock.instant();
        byResult.get(outcome.result()).increment();
        if (outcome.foundStored()) {
            duplicates.increment();
        }
        if (outcome.result() == RecordOutcome.Result.RETRY || outcome.result() == RecordOutcome.Result.FAIL) {
            lastFailure = new RecordingState.Failure(
                    now, outcome.result(), command.event().key().value(), outcome.message());
        }
        countMinute(now);
        return outcome;
    }

    private synchronized void countMinute(Instant now) {
        long minute = now.getEpochSecond() / 60;
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            minuteCounts[slot] = 0;
        }
        minuteCounts[slot]++;
    }

    @Override
    public RecordingState activity() {
        Map<RecordOutcome.Result, Long> results = new EnumMap<>(RecordOutcome.Result.class);
        byResult.forEach((result, count) -> results.put(result, count.sum()));
        return new RecordingState(
                since, results, duplicates.sum(), Optional.ofNullable(lastFailure), lastHour(clock.instant()));
    }

    private synchronized List<Long> lastHour(Instant now) {
        long current = now.getEpochSecond() / 60;
        List<Long> counts = new ArrayList<>(MINUTES);
        for (long minute = current - MINUTES + 1; minute <= current; minute++) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            counts.add(minuteOf[slot] == minute ? minuteCounts[slot] : 0L);
        }
        return counts;
    }
}
