package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.runtime.ConnectRuntime;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.service.EventHandlerChain;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.service.RecordingActivityService;
import dev.connectx.bootstrap.config.AppSettings;
import dev.connectx.bootstrap.config.ConnectxSettings;
import dev.connectx.bootstrap.config.InvalidSettingException;
import dev.connectx.bootstrap.http.ConnectxHttpServer;
import dev.connectx.bootstrap.logging.LogSetup;
import dev.connectx.bootstrap.observe.ConnectMetrics;
import dev.connectx.bootstrap.observe.HandlerMetrics;
import dev.connectx.bootstrap.observe.MeteredRecordSubscriptionEventUseCase;
import dev.connectx.bootstrap.store.StorageReconfiguration;
import dev.connectx.bootstrap.store.StoreOpener;
import dev.connectx.bootstrap.store.SwappableSubscriptionEventStore;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.largeobjects.LargeObjectTurns;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.service.registry.Services;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * connectx, assembled: the store (and the embedded MongoDB behind it when none is configured), the record use
 * case and the extensions' handlers after it, the HTTP server with the read API, the status page, local delivery and {@code /observe}, and, when
 * {@code API_KEY} and {@code ENVIRONMENT_ID} are set, the Connect runtime. Closing it stops all of them, newest first.
 */
public final class ConnectxApp implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectxApp.class.getName());

    /** Exit status when connectx cannot go on (its HTTP listener stopped): a supervisor should restart it. */
    public static final int EXIT_FAILED = ExitStatus.FAILED;

    private static final String LOCAL_MODE = "none (local mode: API_KEY and ENVIRONMENT_ID are not set)";

    private final ConnectxSettings settings;
    private final Deque<AutoCloseable> resources = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    private final StoreOpener opener;
    private final SwappableSubscriptionEventStore store = new SwappableSubscriptionEventStore();
    /**
     * The turns for a large object across tasks, local deliveries and read pages: one per 192 MiB of heap, so one with
     * the launcher's default heap, which is what lets it stay small (the README's "Memory and CPU").
     */
    private final LargeObjectTurns largeObjects =
            LargeObjectTurns.forHeap(Runtime.getRuntime().maxMemory());

    private final Optional<BackfillWiring> backfill;
    private final FirstStore firstStore;
    private final ExtensionWiring extensions;

    private volatile ConnectxHttpServer server;
    private volatile ConnectRuntime runtime;

    private ConnectxApp(ConnectxSettings settings) {
        this.settings = settings;
        this.opener = new StoreOpener(settings.proxies());
        resources.push(opener); // closed last: the embedded MongoDB outlives every store
        resources.push(store);
        backfill = settings.backfill().map(options -> new BackfillWiring(options, Services.get(MeterRegistry.class)));
        backfill.ifPresent(resources::push); // closed before the stores: it gives its lease up through them
        firstStore = new FirstStore(settings, opener, store, backfill.map(BackfillWiring::checkpoints));
        extensions = new ExtensionWiring(settings.extensions());
    }

    /**
     * Starts connectx as configured.
     *
     * @throws StartupException when the configuration is invalid or a port is taken; nothing is left running
     */
    public static ConnectxApp start(Config config) {
        ConnectxSettings settings;
        try {
            settings = ConnectxSettings.from(config);
        } catch (InvalidSettingException e) {
            throw new StartupException("invalid configuration: " + e.getMessage(), e);
        }
        LogSetup.apply(settings.logging().level(), settings.logging().format());
        ConnectxApp app = new ConnectxApp(settings);
        try {
            app.startAll();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll() {
        AppSettings app = settings.app();
        Optional<ConnectRuntimeSettings> connect = settings.connect();
        StartupLog.settings(settings);
        firstStore.openInBackground();
        EventSubscriptions subscriptions = app.subscriptions();
        EventHandlerChain handlers =
                extensions.chain(new ReadSubscriptionEventsService(store), connect, settings.proxies(), resources);
        HandlerMetrics.bind(Services.get(MeterRegistry.class), handlers);
        RecordingActivityService activity = new RecordingActivityService(
                new RecordSubscriptionEventService(store, subscriptions, handlers), Clock.systemUTC());
        RecordSubscriptionEventUseCase recordEvent =
                new MeteredRecordSubscriptionEventUseCase(activity, Services.get(MeterRegistry.class));
        ConnectMetrics.bind(
                Services.get(MeterRegistry.class),
                () -> runtime,
                backfill.map(BackfillWiring::status).orElse(ReadBackfillStatusUseCase.none()));
        String connectTarget = connect.map(c -> c.webSocketBase().toString()).orElse(LOCAL_MODE);
        try {
            server = new HttpWiring(
                            app,
                            settings.storage().operationTimeout(),
                            store,
                            opener,
                            () -> runtime,
                            firstStore.mongo(),
                            resources,
                            this::listenerLost,
                            largeObjects)
                    .start(
                            recordEvent,
                            backfill.map(BackfillWiring::status).orElse(ReadBackfillStatusUseCase.none()),
                            activity,
                            handlers,
                            connectTarget,
                            connect.isPresent());
            resources.push(server);
        } finally {
            firstStore.await(); // also when the HTTP server failed, so that close() finds everything the store started
        }
        StorageReconfiguration reconfiguration = new StorageReconfiguration(
                settings.values(), settings.storage(), opener, store, backfill.map(BackfillWiring::checkpoints));
        connect.ifPresent(runtimeSettings -> {
            ConnectAccess access = new ConnectAccess(runtimeSettings.apiKey(), settings.proxies());
            startConnectRuntime(runtimeSettings, access, subscriptions, recordEvent, reconfiguration);
            backfill.ifPresent(wiring -> wiring.start(runtimeSettings, access, subscriptions, recordEvent));
        });
        LOG.log(
                Level.INFO,
                "connectx started: http://{0}:{1,number,#} (status page /, read API /api, health /observe/health, local delivery POST /local/purchase-requests), {2}, {3}",
                app.http().host(),
                server.port(),
                store.describe(),
                connect.map(c -> "connecting to Connect at " + c.webSocketBase())
                        .orElse(
                                "local mode: API_KEY and ENVIRONMENT_ID are not set, events come only by local delivery"));
    }

    private void startConnectRuntime(
            ConnectRuntimeSettings settings,
            ConnectAccess access,
            EventSubscriptions subscriptions,
            RecordSubscriptionEventUseCase recordEvent,
            StorageReconfiguration reconfiguration) {
        LOG.log(Level.INFO, "Connect: {0}", settings);
        runtime = ConnectRuntime.start(
                settings,
                access,
                recordEvent,
                largeObjects,
                subscriptions,
                this.settings.declaredVariables(),
                new ConnectChanges(reconfiguration, extensions),
                Clock.systemUTC());
        resources.push(runtime);
        runtime.stopped().thenAccept(reason -> ExitStatus.afterConnect(reason).ifPresent(exitStatus::complete));
    }

    private void listenerLost() {
        LOG.log(
                Level.ERROR,
                "Exiting with status {0} so that a supervisor restarts connectx (Connect delivers unanswered tasks again)",
                EXIT_FAILED);
        exitStatus.complete(EXIT_FAILED);
    }

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int httpPort() {
        return server.port();
    }

    /** The embedded MongoDB, when connectx started one. */
    public Optional<EmbeddedMongoServer> embeddedMongo() {
        return opener.embeddedMongo();
    }

    /** The Connect runtime, when Connect is configured. */
    public Optional<ConnectRuntime> connectRuntime() {
        return Optional.ofNullable(runtime);
    }

    /** What the store describes itself as now (it changes when Connect's variables do). */
    public String storeDescription() {
        store.awaitFirst();
        return store.describe();
    }

    /**
     * Completes with the process's exit status when connectx should end by itself: 0 when Connect asked it to
     * stop, 1 when Connect could not be reached within the retry budget, 4 when Connect refused {@code API_KEY},
     * {@value #EXIT_FAILED} when its HTTP listener stopped.
     */
    public CompletableFuture<Integer> exitStatus() {
        return exitStatus;
    }

    /** Stops the Connect runtime (draining its tasks), the HTTP server, the stores, then the embedded MongoDB. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Resources.closeAll(resources);
        LOG.log(Level.INFO, "connectx stopped");
    }
}
