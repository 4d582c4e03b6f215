package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.local.LocalDeliveryService;
import dev.connectx.adapters.mongo.driver.MongoDriverSubscriptionEventStore;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.service.EventSubscriptions;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.bootstrap.config.AppSettings;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * connectx, assembled: the store (and the embedded MongoDB behind it when none is configured), the record use
 * case, and the HTTP server with local delivery and {@code /observe}. Closing it stops all of them, newest first.
 */
public final class ConnectxApp implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectxApp.class.getName());

    /** The largest purchase request local delivery reads: over MongoDB's 16 MiB, so the store names that limit. */
    static final int MAX_LOCAL_BODY_BYTES = 32 * 1024 * 1024;

    private final Deque<AutoCloseable> resources = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<SubscriptionEventStore> store = new CompletableFuture<>();
    private volatile WebServer server;
    private volatile EmbeddedMongoServer embeddedMongo;

    private ConnectxApp() {
    }

    /**
     * Starts connectx as configured.
     *
     * @throws StartupException when the configuration is invalid or a port is taken; nothing is left running
     */
    public static ConnectxApp start(Config config) {
        AppSettings appSettings;
        StorageSettings storage;
        try {
            appSettings = AppSettings.from(config);
            storage = StorageSettings.from(config);
        } catch (InvalidSettingException e) {
            throw new StartupException("invalid configuration: " + e.getMessage(), e);
        }
        ConnectxApp app = new ConnectxApp();
        try {
            app.startAll(appSettings, storage);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll(AppSettings app, StorageSettings storage) {
        LOG.log(Level.INFO, "Storage: {0}", storage);
        // The store, and the embedded MongoDB behind it, start while the HTTP side loads its classes: on a
        // two-core machine this saves about a second. Requests that arrive first wait for the store.
        Thread.ofPlatform().name("connectx-store-start").start(() -> {
            try {
                store.complete(openStore(storage));
            } catch (Throwable e) {
                store.completeExceptionally(e);
            }
        });
        RecordSubscriptionEventUseCase recordEvent = new MeteredRecordSubscriptionEventUseCase(
                new RecordSubscriptionEventService(this::store, EventSubscriptions.purchaseRequests(app.subscribedStatuses())),
                Services.get(MeterRegistry.class));
        try {
            server = startHttp(app, recordEvent);
        } finally {
            awaitStore(); // also when the HTTP server failed, so that close() finds everything the store started
        }
        if (app.connectConfigured()) {
            LOG.log(Level.WARNING, "API_KEY and ENVIRONMENT_ID are set, but this build has no Connect WebSocket runtime yet: "
                    + "events arrive only through POST /local/purchase-requests");
        }
        LOG.log(Level.INFO, "connectx started: http://{0}:{1,number,#} (health /observe/health, local delivery POST /local/purchase-requests), {2}",
                app.httpHost(), server.port(), store().describe());
    }

    private void awaitStore() {
        try {
            store.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StartupException("the store could not be opened: " + e.getCause(), e.getCause());
        }
    }

    private SubscriptionEventStore openStore(StorageSettings storage) {
        String connectionString = switch (storage.target()) {
            case ExternalMongo external -> external.connectionString();
            case EmbeddedMongo embedded -> startEmbeddedMongo(embedded).connectionString();
        };
        MongoDriverSubscriptionEventStore driverStore = MongoDriverSubscriptionEventStore.open(storage.driverSettings(connectionString));
        resources.push(driverStore);
        return driverStore;
    }

    private EmbeddedMongoServer startEmbeddedMongo(EmbeddedMongo embedded) {
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

    private WebServer startHttp(AppSettings app, RecordSubscriptionEventUseCase recordEvent) {
        ObserveFeature observe = ObserveFeature.just(
                HealthObserver.builder().details(true).useSystemServices(false)
                        .addCheck(new StoreHealthCheck(() -> store.getNow(null))).build(),
                MetricsObserver.create());
        LocalDeliveryService localDelivery = new LocalDeliveryService(recordEvent, Clock.systemUTC(), MAX_LOCAL_BODY_BYTES);
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

    /** The store, once open; callers during start-up wait for it. */
    private SubscriptionEventStore store() {
        return store.join();
    }

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int httpPort() {
        return server.port();
    }

    /** The embedded MongoDB, when connectx started one. */
    public Optional<EmbeddedMongoServer> embeddedMongo() {
        return Optional.ofNullable(embeddedMongo);
    }

    /** Stops the HTTP server, closes the store, then stops the embedded MongoDB; safe to call twice. */
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
