package dev.connectx.bootstrap;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.connectx.adapters.connect.local.LocalDeliveryService;
import dev.connectx.adapters.connect.runtime.ConnectRuntime;
import dev.connectx.adapters.web.ConnectionState;
import dev.connectx.adapters.web.ReadApiService;
import dev.connectx.adapters.web.StatusPageService;
import dev.connectx.adapters.web.StatusReport;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.ReadHandlerStatesUseCase;
import dev.connectx.application.port.in.ReadRecordingStateUseCase;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.bootstrap.config.AppSettings;
import dev.connectx.bootstrap.config.HttpSettings;
import dev.connectx.bootstrap.config.SettingKey;
import dev.connectx.bootstrap.http.CannotListenException;
import dev.connectx.bootstrap.http.ConnectxHttpServer;
import dev.connectx.bootstrap.observe.ConnectHealthCheck;
import dev.connectx.bootstrap.observe.StoreHealthCheck;
import dev.connectx.bootstrap.store.StoreOpener;
import dev.connectx.bootstrap.store.SwappableSubscriptionEventStore;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.largeobjects.LargeObjectTurns;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The HTTP side of connectx, wired: {@code /observe} (health of the store and of the Connect link, metrics), local
 * delivery, the read API, the status page and, when on, the Data API server. Whatever it starts goes onto the app's
 * resources, closed with it.
 */
final class HttpWiring {

    private static final System.Logger LOG = System.getLogger(HttpWiring.class.getName());

    /** The largest purchase request local delivery reads: over MongoDB's 16 MiB, so that the store names that limit. */
    static final int MAX_LOCAL_BODY_BYTES = 20 * 1024 * 1024;
    /** Local deliveries read and recorded at once; each may hold a body of the size above. */
    static final int MAX_LOCAL_DELIVERIES = 2;

    private final AppSettings app;
    private final Duration storeTimeout;
    private final SwappableSubscriptionEventStore store;
    private final StoreOpener opener;
    private final Supplier<ConnectRuntime> runtime;
    private final CompletableFuture<Optional<MongoClient>> mongo;
    private final Deque<AutoCloseable> resources;
    private final Runnable onListenerLost;
    private final LargeObjectTurns largeObjects;

    HttpWiring(
            AppSettings app,
            Duration storeTimeout,
            SwappableSubscriptionEventStore store,
            StoreOpener opener,
            Supplier<ConnectRuntime> runtime,
            CompletableFuture<Optional<MongoClient>> mongo,
            Deque<AutoCloseable> resources,
            Runnable onListenerLost,
            LargeObjectTurns largeObjects) {
        this.app = app;
        this.storeTimeout = storeTimeout;
        this.store = store;
        this.opener = opener;
        this.runtime = runtime;
        this.mongo = mongo;
        this.resources = resources;
        this.onListenerLost = onListenerLost;
        this.largeObjects = largeObjects;
    }

    /**
     * @param connectTarget where the Connect runtime connects, or why there is none
     * @param connectConfigured whether a Connect runtime runs at all
     */
    ConnectxHttpServer start(
            RecordSubscriptionEventUseCase recordEvent,
            ReadBackfillStatusUseCase backfill,
            ReadRecordingStateUseCase activity,
            ReadHandlerStatesUseCase handlers,
            String connectTarget,
            boolean connectConfigured) {
        StoreHealthCheck storeHealth = new StoreHealthCheck(
                () -> store.ifOpen().orElse(null),
                () -> opener.embeddedMongo()
                        .flatMap(EmbeddedMongoServer::failure)
                        .or(store::recentWriteFailure));
        resources.push(storeHealth);
        ObserveFeature observe = ObserveFeature.just(
                HealthObserver.builder()
                        .details(true)
                        .useSystemServices(false)
                        .addCheck(storeHealth)
                        .addCheck(new ConnectHealthCheck(this::connected, this::connectProblem, connectTarget))
                        .build(),
                MetricsObserver.create());
        LocalDeliveryService localDelivery = new LocalDeliveryService(
                recordEvent, Clock.systemUTC(), MAX_LOCAL_BODY_BYTES, MAX_LOCAL_DELIVERIES, largeObjects);
        resources.push(localDelivery);
        ReadSubscriptionEventsService reads = new ReadSubscriptionEventsService(store);
        StatusReport status = new StatusReport(
                reads,
                backfill,
                activity,
                handlers,
                () -> new ConnectionState(
                        connectConfigured,
                        connected(),
                        connectTarget,
                        store.describe(),
                        Version.current(),
                        connectProblem(),
                        connectionHistory()),
                Clock.systemUTC());
        ReadApiService readApi = new ReadApiService(reads, status, largeObjects);
        Optional<DataApiService> dataApi = app.dataApiServer() ? Optional.of(dataApiService()) : Optional.empty();
        try {
            return listen(observe, localDelivery, readApi, new StatusPageService(status), dataApi);
        } catch (CannotListenException e) {
            throw new StartupException(
                    e.getMessage() + ". Set " + SettingKey.CONNECTX_HTTP_PORT + " to a free port, or "
                            + SettingKey.CONNECTX_HTTP_HOST + " to an address of this machine.",
                    e);
        }
    }

    private Optional<String> connectProblem() {
        ConnectRuntime connect = runtime.get();
        return connect == null ? Optional.empty() : connect.keyRefusal();
    }

    private List<ConnectionState.Change> connectionHistory() {
        ConnectRuntime connect = runtime.get();
        return connect == null
                ? List.of()
                : connect.connectionHistory().stream()
                        .map(change -> new ConnectionState.Change(change.at(), change.what()))
                        .toList();
    }

    private boolean connected() {
        ConnectRuntime connect = runtime.get();
        return connect != null && connect.isConnected();
    }

    private ConnectxHttpServer listen(
            ObserveFeature observe,
            LocalDeliveryService localDelivery,
            ReadApiService readApi,
            StatusPageService statusPage,
            Optional<DataApiService> dataApi) {
        HttpSettings http = app.http();
        return ConnectxHttpServer.start(
                new ConnectxHttpServer.Listening(
                        http.host(), http.port(), http.maxConnections(), http.allowedHosts(), http.token()),
                Math.max(MAX_LOCAL_BODY_BYTES, DataApiService.MAX_BODY_BYTES),
                observe,
                List.of("/observe/", "/app/"),
                routing -> {
                    routing.register("/local", localDelivery);
                    routing.register("/api", readApi);
                    routing.register(statusPage);
                    dataApi.ifPresent(routing::register);
                },
                onListenerLost);
    }

    /** The Data API server, on the MongoDB client of the first store's MongoDB (the embedded one by default). */
    private DataApiService dataApiService() {
        MongoClient client = mongo.join().orElseThrow();
        LOG.log(
                Level.INFO,
                "Serving the MongoDB Data API at /app/<app id>/endpoint/data/v1/action/<action> ({0} key(s), databases {1})",
                app.dataApiKeys().size(),
                app.dataApiDatabases());
        DataApiService service = new DataApiService(client, app.dataApiKeys(), app.dataApiDatabases(), storeTimeout);
        resources.push(service::close);
        return service;
    }
}
