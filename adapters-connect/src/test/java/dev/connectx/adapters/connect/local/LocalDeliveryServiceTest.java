package dev.connectx.adapters.connect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.service.RecordSubscriptionEventService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.RequestStatus;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local delivery over a real HTTP server on loopback, recording into the in-memory store. */
class LocalDeliveryServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private final List<Thread> recordedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    private WebServer server;
    private WebClient client;
    private LocalDeliveryService delivery;

    @BeforeEach
    void start() {
        var recordEvent = new RecordSubscriptionEventService(store,
                EventSubscriptions.purchaseRequests(EnumSet.complementOf(EnumSet.of(RequestStatus.REVOKED))));
        RecordSubscriptionEventUseCase watched = command -> {
            recordedOn.add(Thread.currentThread());
            return recordEvent.record(command);
        };
        delivery = new LocalDeliveryService(watched, Clock.systemUTC(), MAX_BODY, 2, java.time.Duration.ofSeconds(2));
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register("/local", delivery))
                .build().start();
        client = WebClient.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    @AfterEach
    void stop() {
        server.stop();
        delivery.close();
    }

    private Answer post(String body) throws Exception {
        return post(body, Map.of("Content-Type", "application/json"));
    }

    private Answer post(String body, Map<String, String> headers) throws Exception {
        var request = client.post("/local/purchase-requests");
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse response = request.submit(body)) {
            return new Answer(response.status().code(), JSON.readTree(response.as(String.class)));
        }
    }

    private String sample() throws Exception {
        return RepositoryFiles.samplePurchaseRequest();
    }

    private record Answer(int status, JsonNode body) {
    }

    @Test
    void the_sample_posted_twice_is_stored_once() throws Exception {
        String sample = RepositoryFiles.samplePurchaseRequest();

        Answer first = post(sample);
        Answer second = post(sample);

        assertEquals(200, first.status());
        assertEquals("success", first.body().get("result").asText());
        assertEquals("stored PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z", first.body().get("message").asText());
        assertEquals("success", second.body().get("result").asText());
        assertTrue(second.body().get("message").asText().startsWith("already stored"));
        assertEquals(1, store.events().size());
        assertEquals(sample, store.events().getFirst().request().json());
        assertEquals(2, recordedOn.size());
        assertTrue(recordedOn.stream().noneMatch(Thread::isVirtual),
                "parsed and recorded on platform threads, so a large body never holds a virtual thread's carrier");
    }

    @Test
    void concurrent_posts_of_one_request_in_different_statuses_are_each_stored_under_their_own_key() throws Exception {
        String sample = sample();
        List<String> statuses = List.of("pending", "approved", "failed", "inquiring", "scheduled", "revoking");
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String body = sample.replace("\"status\": \"pending\"", "\"status\": \"" + statuses.get(i % statuses.size()) + "\"")
                        .replace("2023-01-18T10:02:13+00:00", "2023-01-18T10:%02d:13+00:00".formatted(i / statuses.size()));
                answers.add(threads.submit(() -> post(body)));
            }
            for (Future<Answer> answer : answers) {
                assertEquals("success", answer.get().body().get("result").asText(), answer.get().body().toString());
            }
        }

        assertEquals(48, store.events().size(), "every status and update its own event");
        assertEquals(48, store.events().stream().map(event -> event.key().value()).distinct().count());
    }

    @Test
    void a_body_that_is_not_declared_json_is_refused_415_and_nothing_is_stored() throws Exception {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            Answer answer = post(sample(), Map.of("Content-Type", type));

            assertEquals(415, answer.status(), type);
            assertTrue(answer.body().get("error").asText().contains("application/json"), answer.body().toString());
        }
        assertEquals(415, post(sample(), Map.of()).status(), "no Content-Type at all");
        assertEquals(0, store.events().size());
    }

    @Test
    void a_request_from_a_page_of_another_origin_is_refused_403_and_nothing_is_stored() throws Exception {
        Answer foreign = post(sample(), Map.of("Content-Type", "application/json", "Origin", "http://evil.example"));
        Answer opaque = post(sample(), Map.of("Content-Type", "application/json", "Origin", "null"));
        Answer crossSite = post(sample(), Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "cross-site"));

        assertEquals(403, foreign.status());
        assertEquals(403, opaque.status());
        assertEquals(403, crossSite.status());
        assertEquals(0, store.events().size());
    }

    @Test
    void a_page_of_this_server_itself_may_deliver() throws Exception {
        Answer answer = post(sample(), Map.of("Content-Type", "application/json; charset=utf-8",
                "Origin", "http://127.0.0.1:" + server.port(), "Sec-Fetch-Site", "same-origin"));

        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(1, store.events().size());
    }

    @Test
    void a_body_sent_a_byte_at_a_time_is_cut_off_at_its_deadline_and_frees_its_turn() throws Exception {
        byte[] body = sample().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<java.net.Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // both turns
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
                socket.getOutputStream().write(("POST /local/purchase-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body, 0, 10);
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long started = System.nanoTime();
            Answer answer = post(sample());
            long waited = java.time.Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertEquals(200, answer.status(), answer.body().toString());
            assertTrue(waited >= 1500 && waited < 15_000, "served once the slow bodies were cut off, after " + waited + " ms");
            assertEquals(1, store.events().size(), "only the complete delivery");
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
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

        Answer answer = post(RepositoryFiles.samplePurchaseRequest());

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
