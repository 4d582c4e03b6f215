package dev.connectx.adapters.connect.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.application.testing.SwitchableStore;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.RequestStatus;
import dev.connectx.proxy.ProxyRules;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real Connect peer (the simulator) over WebSocket and HTTP on loopback, and the runtime started against it. */
abstract class ConnectRuntimeFixture {

    static final String KEY = "ApiKey SU-000-000-000:0123456789abcdef";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Timings FAST = new Timings(
            Duration.ofSeconds(2),
            Duration.ofMillis(100),
            Duration.ofSeconds(60),
            Duration.ofMillis(500),
            Duration.ofSeconds(20),
            Duration.ofSeconds(20),
            Duration.ofSeconds(5));
    static final ObjectMapper JSON = new ObjectMapper();

    final InMemorySubscriptionEventStore memory = new InMemorySubscriptionEventStore();
    final SwitchableStore store = new SwitchableStore(memory);
    final AtomicReference<ConnectVariables> variables = new AtomicReference<>();
    ConnectSimulator connect;
    ConnectRuntime runtime;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        connect.close();
    }

    void startRuntime(Set<RequestStatus> statuses) {
        startRuntime(statuses, FAST, Duration.ofSeconds(10), true);
    }

    void startRuntime(Set<RequestStatus> statuses, Timings timings, Duration taskTimeout, boolean awaitConnection) {
        startRuntime(EventSubscriptions.purchaseRequests(statuses), timings, taskTimeout, awaitConnection);
    }

    void startRuntime(
            EventSubscriptions subscriptions, Timings timings, Duration taskTimeout, boolean awaitConnection) {
        ConnectRuntimeSettings settings = ConnectRuntimeSettings.of(
                        connect.serverAddress(),
                        connect.apiAddress(),
                        KEY,
                        "ENV-1234-5678-01",
                        "test-instance",
                        taskTimeout)
                .withTimings(timings);
        var recordEvent = new RecordSubscriptionEventService(store, subscriptions);
        runtime = ConnectRuntime.start(
                settings,
                new ConnectAccess(settings.apiKey(), ProxyRules.NONE),
                recordEvent,
                new dev.connectx.largeobjects.LargeObjectTurns(1),
                subscriptions,
                List.of(new ConnectVariable("DB", "connectx", false), new ConnectVariable("DB_PASSWORD", "", true)),
                variables::set,
                Clock.systemUTC());
        if (awaitConnection) {
            connect.awaitHandshakes(1, WAIT);
            awaitTrue(runtime::isConnected);
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.onSpinWait();
        }
    }

    static String request(String id, String status) {
        return PurchaseRequestJson.of(id, status, "2023-01-18T10:02:13+00:00", "AS-1000-0000-0001", "PRD-100-000-001");
    }
}
