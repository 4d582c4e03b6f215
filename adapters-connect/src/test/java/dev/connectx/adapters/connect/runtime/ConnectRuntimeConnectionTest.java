package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.proxy.ProxyRules;
import dev.connectx.simulator.ConnectSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runtime's connection to Connect: drops, reconnects, pings, budgets and the ways a session ends. */
class ConnectRuntimeConnectionTest extends ConnectRuntimeFixture {

    @Test
    void an_abnormal_drop_reconnects_and_handshakes_again() {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        connect.dropConnection();
        connect.awaitHandshakes(2, WAIT);

        connect.putRequest(request("PR-5000-0000-0001", "approved"));
        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5000-0000-0001"), WAIT).result());
    }

    @Test
    void a_result_finished_during_a_drop_is_sent_after_the_reconnect() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.switchTo(new BlockingStore(memory, entered, release));
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());
        connect.putRequest(request("PR-6000-0000-0001", "pending"));
        String taskId = connect.deliver("PR-6000-0000-0001");
        assertTrue(entered.await(20, TimeUnit.SECONDS));

        connect.dropConnection();
        connect.awaitDisconnected(WAIT);
        awaitTrue(() -> !runtime.isConnected());
        release.countDown();

        assertEquals("success", connect.awaitResult(taskId, WAIT).result());
        assertTrue(connect.handshakes().size() >= 2, "the result came over a new connection");
    }

    @Test
    void shutdown_from_connect_stops_the_runtime() throws Exception {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        connect.sendShutdown();

        assertEquals(StopReason.SHUTDOWN_BY_CONNECT, runtime.stopped().get(20, TimeUnit.SECONDS));
        assertFalse(runtime.isConnected());
    }

    @Test
    void a_clean_close_by_connect_stops_without_reconnecting() throws Exception {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        connect.closeCleanly();

        assertEquals(StopReason.CLOSED_BY_CONNECT, runtime.stopped().get(20, TimeUnit.SECONDS));
        assertEquals(1, connect.handshakes().size());
    }

    @Test
    void closing_tells_connect_and_closes_cleanly() throws Exception {
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses());

        runtime.close();

        assertEquals(StopReason.STOPPED, runtime.stopped().get(1, TimeUnit.SECONDS));
        // The simulator reads a connection's frames in order on one thread: once it has seen the close, it has
        // recorded every frame sent before it. close() returns when the runtime has sent, not when Connect has read.
        connect.awaitDisconnected(WAIT);
        assertTrue(
                connect.framesFromRunner().stream().anyMatch(frame -> frame.contains("\"message_type\":\"shutdown\"")));
    }

    @Test
    void a_peer_that_stops_answering_pings_is_left_and_reconnected_to() {
        Timings quickPings = new Timings(
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                Duration.ofMillis(300),
                Duration.ofMillis(300),
                Duration.ofSeconds(20),
                Duration.ofSeconds(20),
                Duration.ofSeconds(5));
        startRuntime(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses(), quickPings, Duration.ofSeconds(10), true);

        connect.answerPings(false);
        awaitTrue(() -> !runtime.isConnected());
        connect.answerPings(true);

        connect.awaitHandshakes(2, WAIT);
    }

    @Test
    void when_connect_stays_unreachable_past_the_budget_the_runtime_gives_up() throws Exception {
        Timings shortBudget = new Timings(
                Duration.ofMillis(500),
                Duration.ofMillis(100),
                Duration.ofSeconds(60),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        ConnectSimulator gone = connect;
        connect = ConnectSimulator.start(KEY, 0);
        int port = gone.port();
        gone.close();
        ConnectRuntimeSettings settings = ConnectRuntimeSettings.of(
                        "ws://127.0.0.1:" + port,
                        "http://127.0.0.1:" + port,
                        KEY,
                        "ENV-1234-5678-01",
                        "test-instance",
                        Duration.ofSeconds(10))
                .withTimings(shortBudget);
        runtime = ConnectRuntime.start(
                settings,
                new ConnectAccess(settings.apiKey(), ProxyRules.NONE),
                new RecordSubscriptionEventService(store, EventSubscriptions.allPurchaseRequestStatuses()),
                new dev.connectx.largeobjects.LargeObjectTurns(1),
                EventSubscriptions.allPurchaseRequestStatuses(),
                List.of(),
                variables::set,
                Clock.systemUTC());

        assertEquals(StopReason.GAVE_UP, runtime.stopped().get(20, TimeUnit.SECONDS));
    }
}
