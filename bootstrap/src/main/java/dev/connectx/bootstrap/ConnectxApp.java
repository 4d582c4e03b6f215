package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.local.LocalDelivery;
import dev.connectx.adapters.connect.local.LocalDeliveryService;
import dev.connectx.adapters.connect.runtime.ConnectRuntime;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.adapters.web.ConnectionState;
import dev.connectx.adapters.web.ReadApiService;
import dev.connectx.adapters.web.StatusPageService;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.application.service.EventSubscriptions;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.bootstrap.config.AppSettings;
import dev.connectx.bootstrap.config.ConnectSettings;
import dev.connectx.bootstrap.config.InvalidSettingException;
import dev.connectx.bootstrap.config.LocalDataApi;
import dev.connectx.bootstrap.config.StorageSettings;
import dev.connectx.bootstrap.observe.MeteredRecordSubscriptionEventUseCase;
import dev.connectx.bootstrap.observe.ConnectHealthCheck;
import dev.connectx.bootstrap.observe.StoreHealthCheck;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.dataapi.DataApiService;
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
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    private final CurrentStore store;
    private volatile WebServer server;
    private volatile ConnectRuntime runtime;

    private ConnectxApp(Config config, Map<String, String> localOverrides) {
        this.config = config;
        this.store = new CurrentStore(config, localOverrides);
        resources.push(store);
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
        Map<String, String> localOverrides;
        try {
            connect = ConnectSettings.from(config);
            localOverrides = LocalDataApi.overrides(config, connect.isEmpty());
            appSettings = AppSettings.from(config, localOverrides);
            storage = StorageSettings.from(config, localOverrides);
        } catch (InvalidSettingException e) {
            throw new StartupException("invalid configuration: " + e.getMessage(), e);
        }
        ConnectxApp app = new ConnectxApp(config, localOverrides);
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
        // The store, and the embedded MongoDB behind it, start while the HTTP side loads its classes: on a
        // two-core machine this saves about a second. Requests that arrive first wait for the store.
        store.openInBackground(initialStorage);
        RecordSubscriptionEventUseCase recordEvent = new MeteredRecordSubscriptionEventUseCase(
                new RecordSubscriptionEventService(store::get, EventSubscriptions.purchaseRequests(app.subscribedStatuses())),
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
        Optional<DataApiService> dataApi = app.dataApiServer() ? Optional.of(dataApiService(app, initialStorage)) : Optional.empty();
        String connectTarget = connect.map(c -> c.webSocketBase().toString()).orElse("local mode: the in-process Connect simulator");
        ReadApiService readApi = new ReadApiService(new ReadSubscriptionEventsService(store::get), () -> connectionState(connectTarget));
        try {
            server = startHttp(app, localDelivery, dataApi, readApi, connectTarget);
        } finally {
            store.awaitOpen(); // also when the HTTP server failed, so that close() finds everything the store started
        }
        startConnectRuntime(runtimeSettings, app, recordEvent);
        LOG.log(Level.INFO, "connectx started: http://{0}:{1,number,#} (status page /, read API /api, health /observe/health, local delivery POST /local/purchase-requests), {2}, {3}",
                app.httpHost(), server.port(), store.get().describe(), connect.map(c -> "connecting to Connect at " + c.webSocketBase())
                        .orElse("local mode: API_KEY and ENVIRONMENT_ID are not set, local deliveries go through an in-process Connect simulator"));
    }

    private void startConnectRuntime(ConnectRuntimeSettings settings, AppSettings app, RecordSubscriptionEventUseCase recordEvent) {
        LOG.log(Level.INFO, "Connect: {0}", settings);
        runtime = ConnectRuntime.start(settings, recordEvent, app.subscribedStatuses(), StorageSettings.declaredVariables(config),
                store::reconfigure, Clock.systemUTC());
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

    /** The Data API server, in front of the storage settings' MongoDB (the embedded one by default). */
    private DataApiService dataApiService(AppSettings app, StorageSettings storage) {
        MongoClient client = MongoClients.create(store.connectionString(storage));
        resources.push(client::close);
        LOG.log(Level.INFO, "Serving the MongoDB Data API at /app/<app id>/endpoint/data/v1/action/<action> ({0} key(s))",
                app.dataApiKeys().size());
        DataApiService service = new DataApiService(client, app.dataApiKeys(), storage.operationTimeout());
        resources.push(service::close);
        return service;
    }

    /** What the status page shows of Connect and the store, without calling either. */
    private ConnectionState connectionState(String connectTarget) {
        ConnectRuntime connected = runtime;
        SubscriptionEventStore current = store.getIfOpen();
        return new ConnectionState(connected != null && connected.isConnected(), connectTarget,
                current == null ? "opening" : current.describe());
    }

    private WebServer startHttp(AppSettings app, LocalDelivery delivery, Optional<DataApiService> dataApi, ReadApiService readApi,
            String connectTarget) {
        ObserveFeature observe = ObserveFeature.just(
                HealthObserver.builder().details(true).useSystemServices(false)
                        .addCheck(new StoreHealthCheck(store::getIfOpen))
                        .addCheck(new ConnectHealthCheck(() -> runtime != null && runtime.isConnected(), connectTarget)).build(),
                MetricsObserver.create());
        LocalDeliveryService localDelivery = new LocalDeliveryService(delivery, Clock.systemUTC(), MAX_LOCAL_BODY_BYTES);
        WebServer started;
        try {
            started = WebServer.builder()
                    .host(app.httpHost())
                    .port(app.httpPort())
                    .shutdownHook(false)
                    .addFeature(observe)
                    .routing(routing -> {
                        routing.register("/local", localDelivery);
                        routing.register("/api", readApi);
                        routing.register(new StatusPageService());
                        dataApi.ifPresent(routing::register);
                    })
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

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int httpPort() {
        return server.port();
    }

    /** The embedded MongoDB, when connectx started one. */
    public Optional<EmbeddedMongoServer> embeddedMongo() {
        return store.embeddedMongo();
    }

    /** The Connect runtime (connected to the local simulator in local mode). */
    public ConnectRuntime connectRuntime() {
        return runtime;
    }

    /** What the store describes itself as now (it changes when Connect's variables do). */
    public String storeDescription() {
        return store.get().describe();
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
        Resources.closeAll(resources);
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
