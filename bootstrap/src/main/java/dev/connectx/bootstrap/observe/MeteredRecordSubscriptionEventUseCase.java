package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts recorded events by result ({@code connectx_events_recorded_total{result=…}}) and times each recording
 * ({@code connectx_events_record_seconds}), around any implementation of the use case.
 */
public final class MeteredRecordSubscriptionEventUseCase implements RecordSubscriptionEventUseCase {

    private final RecordSubscriptionEventUseCase delegate;
    private final Map<RecordOutcome.Result, Counter> recorded = new EnumMap<>(RecordOutcome.Result.class);
    private final Timer duration;

    public MeteredRecordSubscriptionEventUseCase(RecordSubscriptionEventUseCase delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        for (RecordOutcome.Result result : RecordOutcome.Result.values()) {
            recorded.put(
                    result,
                    registry.getOrCreate(Counter.builder("connectx.events.recorded")
                            .description("Subscription events recorded, by the result Connect is told")
                            .tags(List.of(Tag.create("result", result.name().toLowerCase(java.util.Locale.ROOT))))));
        }
        duration = registry.getOrCreate(Timer.builder("connectx.events.record")
                .description("Time to record one subscription event, store round trip included"));
    }

    @Override
    public RecordOutcome record(RecordSubscriptionEventCommand command) {
        long started = System.nanoTime();
        RecordOutcome outcome = delegate.record(command);
        duration.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        recorded.get(outcome.result()).increment();
        return outcome;
    }
}
