package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.in.HandlerState;
import dev.connectx.application.port.in.ReadHandlerStatesUseCase;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * The extensions' handlers as metrics, tagged {@code handler}: {@code connectx_handler_calls_total} by {@code result}
 * ({@code done}, {@code retry}, {@code fail}, {@code error} for a throw, {@code timeout}), {@code
 * connectx_handler_time_milliseconds_total} (the time of every ended call; over the calls, the mean), and {@code
 * connectx_handler_running} (calls running now, those past their time included).
 *
 * <p>As {@link ConnectMetrics}: registered once per JVM, they read whichever app bound itself last.
 */
public final class HandlerMetrics {

    private static final AtomicReference<ReadHandlerStatesUseCase> HANDLERS = new AtomicReference<>(List::of);

    private static final Map<String, ToLongFunction<HandlerState>> RESULTS = Map.of(
            "done", HandlerState::done,
            "retry", HandlerState::retries,
            "fail", HandlerState::fails,
            "error", HandlerState::errors,
            "timeout", HandlerState::timeouts);

    private HandlerMetrics() {}

    public static void bind(MeterRegistry registry, ReadHandlerStatesUseCase handlers) {
        HANDLERS.set(handlers);
        for (HandlerState handler : handlers.handlerStates()) {
            String name = handler.name();
            RESULTS.forEach((result, count) -> registry.getOrCreate(
                    FunctionalCounter.builder("connectx.handler.calls", HANDLERS, current -> read(current, name, count))
                            .description("Calls of an extension's handler that ended, by how")
                            .tags(List.of(Tag.create("handler", name), Tag.create("result", result)))));
            registry.getOrCreate(FunctionalCounter.builder(
                            "connectx.handler.time.milliseconds",
                            HANDLERS,
                            current -> read(
                                    current, name, state -> state.totalTime().toMillis()))
                    .description("Milliseconds spent in an extension's handler, over the calls that ended")
                    .tags(List.of(Tag.create("handler", name))));
            registry.getOrCreate(Gauge.builder("connectx.handler.running", HANDLERS, current ->
                            (double) read(current, name, HandlerState::running))
                    .description("Calls of an extension's handler running now, those past their time included")
                    .tags(List.of(Tag.create("handler", name))));
        }
    }

    private static long read(
            AtomicReference<ReadHandlerStatesUseCase> current, String name, ToLongFunction<HandlerState> value) {
        return current.get().handlerStates().stream()
                .filter(state -> state.name().equals(name))
                .mapToLong(value)
                .findFirst()
                .orElse(0);
    }
}
