package dev.connectx.adapters.connect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.service.EventSubscriptions;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.RequestStatus;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local delivery over a real HTTP server on loopback, recording into the in-memory store. */
class LocalDeliveryServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private WebServer server;
    private WebClient client;

    @BeforeEach
    void start() {
        var recordEvent = new RecordSubscriptionEventService(() -> store,
                EventSubscriptions.purchaseRequests(EnumSet.complementOf(EnumSet.of(RequestStatus.REVOKED))));
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register("/local", new LocalDeliveryService(LocalDelivery.direct(recordEvent), Clock.systemUTC(), MAX_BODY)))
                .build().start();
        client = WebClient.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Answer post(String body) throws Exception {
        try (HttpClientResponse response = client.post("/local/purchase-requests").submit(body)) {
            return new Answer(response.status().code(), JSON.readTree(response.as(String.class)));
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    @Test
    void the_sample_posted_twice_is_stored_once() throws Exception {
        String sample = Files.readString(Path.of("..", "samples", "purchase-request.json"));

        Answer first = post(sample);
        Answer second = post(sample);

        assertEquals(200, first.status());
        assertEquals("success", first.body().get("result").asText());
        assertEquals("stored PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z", first.body().get("message").asText());
        assertEquals("success", second.body().get("result").asText());
        assertTrue(second.body().get("message").asText().startsWith("already stored"));
        assertEquals(1, store.events().size());
        assertEquals(sample, store.events().getFirst().request().json());
    }

    @Test
    void an_unsubscribed_status_is_answered_skip() throws Exception {
        Answer answer = post("{\"id\":\"PR-1\",\"status\":\"revoked\",\"updated\":\"2023-01-18T10:02:13+00:00\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}");

        assertEquals(200, answer.status());
        assertEquals("skip", answer.body().get("result").asText());
        assertEquals(0, store.events().size());
    }

    @Test
    void a_store_outage_is_answered_retry() throws Exception {
        store.makeUnavailable(true);

        Answer answer = post(Files.readString(Path.of("..", "samples", "purchase-request.json")));

        assertEquals(200, answer.status());
        assertEquals("retry", answer.body().get("result").asText());
    }

    @Test
    void a_request_without_status_is_refused_naming_the_field_and_nothing_is_stored() throws Exception {
        Answer answer = post("{\"id\":\"PR-1\",\"updated\":\"2023-01-18T10:02:13+00:00\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}");

        assertEquals(400, answer.status());
        assertEquals("status: is required", answer.body().get("error").asText());
        assertEquals("status", answer.body().get("field").asText());
        assertEquals(0, store.events().size());
    }

    @Test
    void malformed_json_is_refused_and_nothing_is_stored() throws Exception {
        Answer answer = post("{\"id\": \"PR-1\", ");

        assertEquals(400, answer.status());
        assertTrue(answer.body().get("error").asText().startsWith("the request body is not valid JSON"), answer.body().toString());
        assertEquals(0, store.events().size());
    }

    @Test
    void a_body_over_the_limit_is_refused_and_nothing_is_stored() throws Exception {
        Answer answer = post("{\"id\":\"PR-1\",\"blob\":\"" + "b".repeat(MAX_BODY) + "\"}");

        assertEquals(413, answer.status());
        assertEquals(0, store.events().size());
    }
}
