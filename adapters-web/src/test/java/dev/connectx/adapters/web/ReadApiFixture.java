package dev.connectx.adapters.web;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.RequestStatus;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The read API and the pages over a real HTTP server on loopback, reading from the in-memory store double. */
abstract class ReadApiFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    volatile boolean connected = true;
    /** What the backfill reports; empty: none is configured. */
    volatile java.util.Optional<dev.connectx.application.port.in.BackfillState> backfill = java.util.Optional.empty();
    /** What recording did, as the status shows it. */
    volatile dev.connectx.application.port.in.RecordingState activity =
            dev.connectx.application.port.in.RecordingState.idleSince(java.time.Instant.now());

    WebServer server;

    @BeforeEach
    void start() {
        ReadSubscriptionEventsService reads = new ReadSubscriptionEventsService(store);
        StatusReport report = new StatusReport(
                reads,
                () -> backfill,
                () -> activity,
                () -> new ConnectionState(true, connected, "ws://connect.test", store.describe(), "9.9.9"),
                java.time.Clock.systemUTC());
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .routing(routing -> routing.register(
                                "/api",
                                new ReadApiService(reads, report, new dev.connectx.largeobjects.LargeObjectTurns(1)))
                        .register(new StatusPageService(report)))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        Reply response = get(path);
        assertEquals(expectedStatus, response.status(), path + ": " + response.body());
        assertTrue(response.contentType().startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    record Reply(int status, String contentType, String body) {}

    Reply get(String path) {
        return get(server.port(), path);
    }

    static Reply get(int port, String path) {
        try (HttpClientResponse response = WebClient.create()
                .get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                .request()) {
            return new Reply(
                    response.status().code(),
                    response.headers().contentType().map(Object::toString).orElse(""),
                    response.as(String.class));
        }
    }

    /** Request PR-…-001 pending, inquiring, pending, approved; PR-…-002 failed: all of asset AS-1000-0000-0001. */
    void storeFiveEvents() {
        RequestStatus[] statuses = {
            RequestStatus.PENDING,
            RequestStatus.INQUIRING,
            RequestStatus.PENDING,
            RequestStatus.APPROVED,
            RequestStatus.FAILED
        };
        for (int i = 0; i < statuses.length; i++) {
            store.save(aPurchaseEvent()
                    .withRequestId(i < 4 ? "PR-1000-0000-0000-001" : "PR-1000-0000-0000-002")
                    .withAssetId("AS-1000-0000-0001")
                    .withStatus(statuses[i])
                    .withUpdated(T0.plusSeconds(60L * i))
                    .build());
        }
    }
}
