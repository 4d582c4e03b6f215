package dev.connectx.adapters.connect.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Local delivery over a real HTTP server on loopback, recording into the in-memory store. */
abstract class LocalDeliveryFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY = 64 * 1024;

    final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    final dev.connectx.largeobjects.LargeObjectTurns largeObjects = new dev.connectx.largeobjects.LargeObjectTurns(1);
    final List<Thread> recordedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    WebServer server;
    WebClient client;
    LocalDeliveryService delivery;

    @BeforeEach
    void start() {
        var recordEvent = new RecordSubscriptionEventService(
                store, EventSubscriptions.purchaseRequests(allBut(RequestStatus.REVOKED)));
        RecordSubscriptionEventUseCase watched = command -> {
            recordedOn.add(Thread.currentThread());
            return recordEvent.record(command);
        };
        delivery = new LocalDeliveryService(
                watched, Clock.systemUTC(), MAX_BODY, 2, java.time.Duration.ofSeconds(2), largeObjects);
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register("/local", delivery))
                .build()
                .start();
        client =
                WebClient.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    @AfterEach
    void stop() {
        server.stop();
        delivery.close();
    }

    Answer post(String body) throws Exception {
        return post(body, Map.of("Content-Type", "application/json"));
    }

    Answer post(String body, Map<String, String> headers) throws Exception {
        return post("/local/purchase-requests", body, headers);
    }

    Answer post(String path, String body, Map<String, String> headers) throws Exception {
        var request = client.post(path);
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse response = request.submit(body)) {
            return new Answer(response.status().code(), JSON.readTree(response.as(String.class)));
        }
    }

    String sample() throws Exception {
        return RepositoryFiles.samplePurchaseRequest();
    }

    record Answer(int status, JsonNode body) {}

    private static java.util.Set<RequestStatus> allBut(RequestStatus status) {
        java.util.Set<RequestStatus> statuses = EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses();
        statuses.remove(status);
        return statuses;
    }
}
