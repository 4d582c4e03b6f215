package dev.connectx.bootstrap.observe;

import dev.connectx.adapters.connect.runtime.ConnectRuntime;
import dev.connectx.application.port.in.BackfillState;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The Connect side as metrics people chart: {@code connectx_connect_connected} (1 while the WebSocket is up),
 * {@code connectx_connect_key_refused} (1 while Connect refuses {@code API_KEY}), {@code connectx_connect_sessions_total}
 * (handshakes: the first connection, then one per reconnect), {@code connectx_tasks_in_flight}, and the backfill's
 * {@code connectx_backfill_done} and {@code connectx_backfill_total}.
 *
 * <p>The registry is the JVM's: a meter is registered once and reads whichever app bound itself last (one per
 * process outside tests).
 */
public final class ConnectMetrics {

    private static final AtomicReference<Supplier<ConnectRuntime>> RUNTIME = new AtomicReference<>(() -> null);
    private static final AtomicReference<ReadBackfillStatusUseCase> BACKFILL =
            new AtomicReference<>(ReadBackfillStatusUseCase.none());

    private ConnectMetrics() {}

    /** Registers the meters (once per JVM) and points them at this app's runtime and backfill. */
    public static void bind(
            MeterRegistry registry, Supplier<ConnectRuntime> runtime, ReadBackfillStatusUseCase backfill) {
        RUNTIME.set(runtime);
        BACKFILL.set(backfill);
        new BackfillMetrics(registry); // its counters are served at 0 without a backfill, so that dashboards find them
        gauge(
                registry,
                "connectx.connect.connected",
                "1 while the WebSocket to Connect is up",
                r -> r.isConnected() ? 1 : 0);
        gauge(
                registry,
                "connectx.connect.key.refused",
                "1 while Connect refuses API_KEY",
                r -> r.keyRefusal().isPresent() ? 1 : 0);
        gauge(
                registry,
                "connectx.tasks.in.flight",
                "Connect tasks running or waiting for their turn",
                ConnectRuntime::runningTasks);
        registry.getOrCreate(FunctionalCounter.builder(
                        "connectx.connect.sessions",
                        RUNTIME,
                        current -> Optional.ofNullable(current.get().get())
                                .map(ConnectRuntime::sessionsOpened)
                                .orElse(0L))
                .description("Sessions that shook hands with Connect: the first connection, then one per reconnect"));
        backfillGauge(
                registry,
                "connectx.backfill.done",
                "Objects of the history handled so far",
                state -> state.counts().done());
        backfillGauge(
                registry,
                "connectx.backfill.total",
                "Objects in the history, as Connect counted them",
                state -> state.counts().total());
    }

    private static void gauge(
            MeterRegistry registry, String name, String description, ToDoubleFunction<ConnectRuntime> read) {
        registry.getOrCreate(Gauge.builder(name, RUNTIME, current -> {
                    ConnectRuntime runtime = current.get().get();
                    return runtime == null ? 0 : read.applyAsDouble(runtime);
                })
                .description(description));
    }

    private static void backfillGauge(
            MeterRegistry registry, String name, String description, ToDoubleFunction<BackfillState> read) {
        registry.getOrCreate(Gauge.builder(
                        name,
                        BACKFILL,
                        current -> current.get()
                                .backfill()
                                .map(read::applyAsDouble)
                                .orElse(0.0))
                .description(description));
    }
}
