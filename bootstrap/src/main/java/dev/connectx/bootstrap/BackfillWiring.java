package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.backfill.Backfill;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.service.BackfillService;
import dev.connectx.bootstrap.config.BackfillOptions;
import dev.connectx.bootstrap.observe.BackfillMetrics;
import dev.connectx.bootstrap.store.SwappableBackfillCheckpointStore;
import dev.connectx.domain.EventSubscriptions;
import io.helidon.metrics.api.MeterRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * The backfill, assembled: its checkpoint store (beside the events' store, and swapped with it), the service that
 * keeps checkpoint, lease and progress, its metrics, and the job, started once Connect's runtime is.
 */
final class BackfillWiring implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackfillWiring.class.getName());
    /** The most one list page may take to arrive. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private final BackfillOptions options;
    private final SwappableBackfillCheckpointStore checkpoints = new SwappableBackfillCheckpointStore();
    private final BackfillService service;
    private final BackfillMetrics metrics;
    private volatile Backfill job;

    BackfillWiring(BackfillOptions options, MeterRegistry registry) {
        this.options = options;
        this.service = new BackfillService(checkpoints, options.job().since(), options.lease(), Clock.systemUTC());
        this.metrics = new BackfillMetrics(registry);
    }

    SwappableBackfillCheckpointStore checkpoints() {
        return checkpoints;
    }

    ReadBackfillStatusUseCase status() {
        return service;
    }

    void start(
            ConnectRuntimeSettings connect,
            ConnectAccess access,
            EventSubscriptions subscriptions,
            RecordSubscriptionEventUseCase record) {
        LOG.log(
                Level.INFO,
                "Backfill since {0}: pages of {1}, lease {2} s, as {3}",
                options.job().since(),
                options.job().pageSize(),
                options.lease().toSeconds(),
                options.job().holder());
        job = Backfill.start(
                options.job(),
                connect.apiBase(),
                connect.apiKey(),
                access,
                PAGE_TIMEOUT,
                subscriptions,
                metrics.counting(record),
                metrics.counting(service),
                Clock.systemUTC());
    }

    @Override
    public void close() {
        Backfill running = job;
        if (running != null) {
            running.close();
        }
        checkpoints.close();
    }
}
