package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.proxy.ProxyRules;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.RecordedLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connect answering the upgrade with 401 (the simulator with another key): a few attempts, then a clear stop. */
class KeyRefusedTest {

    private static final Timings QUICK = new Timings(
            Duration.ofSeconds(2),
            Duration.ofMillis(100),
            Duration.ofSeconds(60),
            Duration.ofMillis(100),
            Duration.ofMinutes(15),
            Duration.ofHours(3),
            Duration.ofSeconds(1));

    @Test
    void a_refused_key_stops_the_runtime_after_a_bounded_number_of_attempts_with_a_reason_naming_api_key()
            throws Exception {
        String wrongKey = "ApiKey SU-000-000-000:not-the-right-one";
        try (ConnectSimulator connect = ConnectSimulator.start("ApiKey SU-000-000-000:right", 0);
                RecordedLog log = RecordedLog.ofConnectx()) {
            ConnectRuntimeSettings settings = ConnectRuntimeSettings.of(
                            connect.serverAddress(),
                            connect.apiAddress(),
                            wrongKey,
                            "ENV-1234-5678-01",
                            "refused",
                            Duration.ofSeconds(10))
                    .withTimings(QUICK);
            ConnectAccess access = new ConnectAccess(wrongKey, ProxyRules.NONE);
            long started = System.nanoTime();
            ConnectRuntime runtime = ConnectRuntime.start(
                    settings,
                    access,
                    new RecordSubscriptionEventService(
                            new InMemorySubscriptionEventStore(), EventSubscriptions.allPurchaseRequestStatuses()),
                    new dev.connectx.largeobjects.LargeObjectTurns(1),
                    EventSubscriptions.allPurchaseRequestStatuses(),
                    List.of(),
                    variables -> {},
                    Clock.systemUTC());
            try {
                assertEquals(StopReason.KEY_REFUSED, runtime.stopped().get(20, TimeUnit.SECONDS));
            } finally {
                runtime.close();
            }

            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "within seconds, not minutes");
            assertEquals(
                    Optional.of("Connect refused API_KEY (HTTP 401 at the WebSocket upgrade)"),
                    access.keyStatus().refusal());
            assertEquals(
                    1,
                    log.linesContaining("API_KEY must be a Connect token").size(),
                    log.lines().toString());
            assertEquals(
                    SessionOpener.KEY_REFUSALS - 1,
                    log.linesContaining("Attempt").size(),
                    "one line per attempt that is retried: " + log.lines());
            assertFalse(String.join("\n", log.lines()).contains("not-the-right-one"));
            List<String> history = runtime.connectionHistory().stream()
                    .map(ConnectionHistory.Change::what)
                    .toList();
            assertEquals("stopped: Connect refused API_KEY", history.get(0), history.toString());
            assertTrue(
                    history.contains("Connect refused API_KEY (HTTP 401 at the WebSocket upgrade)"),
                    history.toString());
        }
    }
}
