package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventType;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts recorded events by result and event type ({@code connectx_events_recorded_total{result=…,event_type=…}}),
 * the successes that found the event stored before ({@code connectx_events_duplicates_total{event_type=…}}: Connect
 * delivered it again), and times each recording, store round trip included, as a histogram
 * ({@code connectx_events_record_seconds_bucket}), around any implementation of the use case.
 */
public final class MeteredRecordSubscriptionEventUseCase implements RecordSubscriptionEventUseCase {

    private static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final RecordSubscriptionEventUseCase delegate;
    private final Map<EventType, Map<RecordOutcome.Result, Counter>> recorded = new EnumMap<>(EventType.class);
    private final Map<EventType, Counter> duplicates = new EnumMap<>(EventType.class);
    private final Timer duration;

    public MeteredRecordSubscriptionEventUseCase(RecordSubscriptionEventUseCase delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        for (EventType type : EventType.values()) {
            Map<RecordOutcome.Result, Counter> byResult = new EnumMap<>(RecordOutcome.Result.class);
            for (RecordOutcome.Result result : RecordOutcome.Result.values()) {
                byResult.put(
                        result,
                        registry.getOrCreate(Counter.builder("connectx.events.recorded")
                                .description("Subscription events recorded, by the result Connect is told")
                                .tags(List.of(
                                        Tag.create("result", result.name().toLowerCase(Locale.ROOT)),
                                        Tag.create("event_type", type.wireName())))));
            }
            recorded.put(type, byResult);
            duplicates.put(
                    type,
                    registry.getOrCreate(Counter.builder("connectx.events.duplicates")
                            .description("Deliveries of an event kept before: answered success, stored once")
                            .tags(List.of(Tag.create("event_type", type.wireName())))));
        }
        duration = registry.getOrCreate(Timer.builder("connectx.events.record")
                .description("Time to record one subscription event, store round trip included")
                .buckets(BUCKETS));
    }

    @Override
    public RecordOutcome record(RecordSubscriptionEventCommand command) {
        long started = System.nanoTime();
        RecordOutcome outcome = delegate.record(command);
        duration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        EventType type = command.event().type();
        recorded.get(type).get(outcome.result()).increment();
        if (outcome.foundStored()) {
            duplicates.get(type).increment();
        }
        return outcome;
    }
}
