package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.local.LocalDelivery;
import dev.connectx.adapters.connect.local.LocalDeliveryService;
import dev.connectx.adapters.connect.runtime.ConnectRuntime;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.adapters.mongo.driver.MongoDriverSubscriptionEventStore;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.service.EventSubscriptions;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.bootstrap.config.AppSettings;
import dev.connectx.bootstrap.config.ConnectSettings;
import dev.connectx.bootstrap.config.InvalidSettingException;
import dev.connectx.bootstrap.config.StorageSettings;
import dev.connectx.bootstrap.config.StorageSettings.EmbeddedMongo;
import dev.connectx.bootstrap.config.StorageSettings.ExternalMongo;
import dev.connectx.bootstrap.observe.MeteredRecordSubscriptionEventUseCase;
import dev.connectx.bootstrap.observe.StoreHealthCheck;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.service.registry.Services;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * connectx, assembled: the store (and the embedded MongoDB behind it when none is configured), the record use
 * case, the HTTP server with local delivery and {@code /observe}, and the Connect runtime: connected to Connect
 * when {@code API_KEY} and {@code ENVIRONMENT_ID} are set, else to an in-process Connect simulator that local
 * deliveries go through. Closing it stops all of them, newest first.
 */
public final class ConnectxApp implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectxApp.class.getName());

    /** The largest purchase request local delivery reads: over MongoDB's 16 MiB, so the store names that limit. */
    static final int MAX_LOCAL_BODY_BYTES = 32 * 1024 * 1024;

    private final Config config;
    private final Deque<AutoCloseable> resources = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> storeOpened = new CompletableFuture<>();
    private final AtomicReference<RetirableStore> store = new AtomicReference<>();
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    private volatile StorageSettings storage;
    private volatile WebServer server;
    private volatile EmbeddedMongoServer embeddedMongo;
    private volatile ConnectRuntime runtime;

    private ConnectxApp(Config config) {
        this.config = config;
    }

    /**
     * Starts connectx as configured.
     *
     * @throws StartupException when the configuration is invalid or a port is taken; nothing is left running
     */
    public static ConnectxApp start(Config config) {
        AppSettings appSettings;
        StorageSettings storage;
        Optional<ConnectRuntimeSettings> connect;
        try {
            appSettings = AppSettings.from(config);
            storage = StorageSettings.from(config);
            connect = ConnectSettings.from(config);
        } catch (InvalidSettingException e) {
            throw new StartupException("invalid configuration: " + e.getMessage(), e);
        }
        ConnectxApp app = new ConnectxApp(config);
        try {
            app.startAll(appSettings, storage, connect);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll(AppSettings app, StorageSettings initialStorage, Optional<ConnectRuntimeSettings> connect) {
        LOG.log(Level.INFO, "Storage: {0}", initialStorage);
        storage = initialStorage;
        // The store, and the embedded MongoDB behind it, start while the HTTP side loads its classes: on a
        // two-core machine this saves about a second. Requests that arrive first wait for the store.
        Thread.ofPlatform().name("connectx-store-start").start(() -> {
            try {
                store.set(new RetirableStore(openStore(initialStorage)));
                storeOpened.complete(null);
            } catch (Throwable e) {
                storeOpened.completeExceptionally(e);
            }
        });
        RecordSubscriptionEventUseCase recordEvent = new MeteredRecordSubscriptionEventUseCase(
                new RecordSubscriptionEventService(this::store, EventSubscriptions.purchaseRequests(app.subscribedStatuses())),
                Services.get(MeterRegistry.class));
        LocalDelivery localDelivery;
        ConnectRuntimeSettings runtimeSettings;
        if (connect.isPresent()) {
            runtimeSettings = connect.get();
            localDelivery = LocalDelivery.direct(recordEvent);
        } else {
            LocalConnect local = LocalConnect.start();
            resources.push(local);
            runtimeSettings = local.runtimeSettings(ConnectRuntimeSettings.DEFAULT_BACKGROUND_TASK_TIMEOUT);
            localDelivery = local.delivery(ConnectRuntimeSettings.DEFAULT_BACKGROUND_TASK_TIMEOUT.plusSeconds(30));
        }
        try {
            server = startHttp(app, localDelivery);
        } finally {
            awaitStore(); // also when the HTTP server failed, so that close() finds everything the store started
        }
        startConnectRuntime(runtimeSettings, app, recordEvent);
        LOG.log(Level.INFO, "connectx started: http://{0}:{1,number,#} (health /observe/health, local delivery POST /local/purchase-requests), {2}, {3}",
                app.httpHost(), server.port(), store().describe(), connect.map(c -> "connecting to Connect at " + c.webSocketBase())
                        .orElse("local mode: API_KEY and ENVIRONMENT_ID are not set, local deliveries go through an in-process Connect simulator"));
    }

    private void startConnectRuntime(ConnectRuntimeSettings settings, AppSettings app, RecordSubscriptionEventUseCase recordEvent) {
        LOG.log(Level.INFO, "Connect: {0}", settings);
        runtime = ConnectRuntime.start(settings, recordEvent, app.subscribedStatuses(), StorageSettings.declaredVariables(config),
                this::applyConnectVariables, Clock.systemUTC());
        resources.push(runtime);
        runtime.stopped().thenAccept(reason -> {
            switch (reason) {
                case SHUTDOWN_BY_CONNECT, CLOSED_BY_CONNECT -> exitStatus.complete(0);
                case GAVE_UP -> exitStatus.complete(1);
                case STOPPED -> {
                    // close() stopped it: the process is stopping already
                }
            }
        });
    }

    /**
     * Connect's variables changed ("Apply Changes" in the portal): when they change the storage settings, the next
     * event goes to a new store and the old one closes once its in-flight writes finish. An invalid value keeps
     * the current store.
     */
    private void applyConnectVariables(Map<String, String> variables) {
        StorageSettings next;
        try {
            next = StorageSettings.from(config, variables);
        } catch (InvalidSettingException e) {
            LOG.log(Level.ERROR, "Connect sent an invalid storage setting, keeping {0}: {1}", store().describe(), e.getMessage());
            return;
        }
        synchronized (this) {
            if (next.equals(storage)) {
                return;
            }
            RetirableStore replacement = new RetirableStore(openStore(next));
            RetirableStore previous = store.getAndSet(replacement);
            storage = next;
            LOG.log(Level.INFO, "Storage reconfigured from Connect: {0} (was {1})", replacement.describe(), previous.describe());
            previous.retire(next.operationTimeout());
        }
    }

    private void awaitStore() {
        try {
            storeOpened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new StartupException("the store could not be opened: " + e.getCause(), e.getCause());
        }
    }

    private SubscriptionEventStore openStore(StorageSettings settings) {
        String connectionString = switch (settings.target()) {
            case ExternalMongo external -> external.connectionString();
            case EmbeddedMongo embedded -> embeddedMongo(embedded).connectionString();
        };
        MongoDriverSubscriptionEventStore driverStore = MongoDriverSubscriptionEventStore.open(settings.driverSettings(connectionString));
        resources.push(driverStore);
        return driverStore;
    }

    private synchronized EmbeddedMongoServer embeddedMongo(EmbeddedMongo embedded) {
        if (embeddedMongo != null) {
            return embeddedMongo;
        }
        try {
            embeddedMongo = EmbeddedMongoServer.startPersistent("127.0.0.1", embedded.port(), embedded.dataDirectory());
        } catch (EmbeddedMongoServer.PortInUseException e) {
            throw new StartupException("the embedded MongoDB cannot listen on 127.0.0.1:" + embedded.port()
                    + ", which is already in use (by a MongoDB, or another connectx?). Set "
                    + StorageSettings.EMBEDDED_PORT + " to a free port, or " + StorageSettings.MONGODB_URI
                    + " to use the MongoDB that is there.", e);
        } catch (RuntimeException e) {
            throw new StartupException("the embedded MongoDB cannot start with its data in "
                    + embedded.dataDirectory().toAbsolutePath() + " (" + StorageSettings.DATA_DIR + "): " + e.getMessage(), e);
        }
        resources.push(embeddedMongo);
        LOG.log(Level.INFO, "Started the {0}", embeddedMongo);
        return embeddedMongo;
    }

    private WebServer startHttp(AppSettings app, LocalDelivery delivery) {
        ObserveFeature observe = ObserveFeature.just(
                HealthObserver.builder().details(true).useSystemServices(false)
                        .addCheck(new StoreHealthCheck(store::get)).build(),
                MetricsObserver.create());
        LocalDeliveryService localDelivery = new LocalDeliveryService(delivery, Clock.systemUTC(), MAX_LOCAL_BODY_BYTES);
        WebServer started;
        try {
            started = WebServer.builder()
                    .host(app.httpHost())
                    .port(app.httpPort())
                    .shutdownHook(false)
                    .addFeature(observe)
                    .routing(routing -> routing.register("/local", localDelivery))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            if (hasCause(e, java.net.BindException.class)) {
                throw new StartupException("the HTTP server cannot listen on " + app.httpHost() + ":" + app.httpPort()
                        + ", which is already in use. Set " + AppSettings.HTTP_PORT + " to a free port.", e);
            }
            throw e;
        }
        resources.push(started::stop);
        return started;
    }

    /** The current store, once open; callers during start-up wait for it. */
    private SubscriptionEventStore store() {
        storeOpened.join();
        return store.get();
    }

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int httpPort() {
        return server.port();
    }

    /** The embedded MongoDB, when connectx started one. */
    public Optional<EmbeddedMongoServer> embeddedMongo() {
        return Optional.ofNullable(embeddedMongo);
    }

    /** The Connect runtime (connected to the local simulator in local mode). */
    public ConnectRuntime connectRuntime() {
        return runtime;
    }

    /** What the store describes itself as now (it changes when Connect's variables do). */
    public String storeDescription() {
        return store().describe();
    }

    /**
     * Completes with the process's exit status when connectx should end by itself: 0 when Connect asked it to
     * stop, 1 when Connect could not be reached within the retry budget. Never completes in local mode.
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
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Failed to stop " + resource, e);
            }
        }
        LOG.log(Level.INFO, "connectx stopped");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
