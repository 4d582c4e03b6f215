package dev.connectx.adapters.connect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RepositoryFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What local delivery records and answers, over a real HTTP server on loopback. */
class LocalDeliveryServiceTest extends LocalDeliveryFixture {

    @Test
    void the_sample_posted_twice_is_stored_once() throws Exception {
        String sample = RepositoryFiles.samplePurchaseRequest();

        Answer first = post(sample);
        Answer second = post(sample);

        assertEquals(200, first.status());
        assertEquals("success", first.body().get("result").asText());
        assertEquals(
                "stored PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z",
                first.body().get("message").asText());
        assertEquals("success", second.body().get("result").asText());
        assertTrue(second.body().get("message").asText().startsWith("already stored"));
        assertEquals(1, store.events().size());
        assertEquals(sample, store.events().getFirst().request().json());
        assertEquals(2, recordedOn.size());
        assertTrue(
                recordedOn.stream().noneMatch(Thread::isVirtual),
                "parsed and recorded on platform threads, so a large body never holds a virtual thread's carrier");
    }

    @Test
    void concurrent_posts_of_one_request_in_different_statuses_are_each_stored_under_their_own_key() throws Exception {
        String sample = sample();
        List<String> statuses = List.of("pending", "approved", "failed", "inquiring", "scheduled", "revoking");
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String body = sample.replace(
                                "\"status\": \"pending\"", "\"status\": \"" + statuses.get(i % statuses.size()) + "\"")
                        .replace(
                                "2023-01-18T10:02:13+00:00",
                                "2023-01-18T10:%02d:13+00:00".formatted(i / statuses.size()));
                answers.add(threads.submit(() -> post(body)));
            }
            for (Future<Answer> answer : answers) {
                assertEquals(
                        "success",
                        answer.get().body().get("result").asText(),
                        answer.get().body().toString());
            }
        }

        assertEquals(48, store.events().size(), "every status and update its own event");
        assertEquals(
                48,
                store.events().stream()
                        .map(event -> event.key().value())
                        .distinct()
                        .count());
    }

    @Test
    void an_unsubscribed_status_is_answered_skip() throws Exception {
        Answer answer = post(
                "{\"id\":\"PR-1\",\"status\":\"revoked\",\"updated\":\"2023-01-18T10:02:13+00:00\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}");

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
        Answer answer = post(
                "{\"id\":\"PR-1\",\"updated\":\"2023-01-18T10:02:13+00:00\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}");

        assertEquals(400, answer.status());
        assertEquals("status: is required", answer.body().get("error").asText());
        assertEquals("status", answer.body().get("field").asText());
        assertEquals(0, store.events().size());
    }

    @Test
    void malformed_json_is_refused_and_nothing_is_stored() throws Exception {
        Answer answer = post("{\"id\": \"PR-1\", ");

        assertEquals(400, answer.status());
        assertTrue(
                answer.body().get("error").asText().startsWith("the request body is not valid JSON"),
                answer.body().toString());
        assertEquals(0, store.events().size());
    }

    @Test
    void a_body_of_undeclared_length_waits_for_the_large_object_turn_held_elsewhere() throws Exception {
        byte[] body = sample().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String chunked =
                "POST /local/purchase-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + Integer.toHexString(body.length) + "\r\n";
        try (var elsewhere = largeObjects.take();
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(chunked.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().write("\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300);
            assertEquals(0, store.events().size(), "not read while another path holds the only large-object turn");

            elsewhere.close();
            socket.setSoTimeout(20_000);
            String answer = answerOf(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertEquals(1, store.events().size());
            for (int i = 0; i < 100 && largeObjects.free() == 0; i++) {
                Thread.sleep(20); // the turn is given back just after the answer is written
            }
            assertEquals(1, largeObjects.free(), "its turn given back");
        }
    }

    /** One HTTP answer, read to the end of its body by its Content-Length (the server may keep the connection). */
    private static String answerOf(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.toString();
            }
            head.append((char) c);
        }
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int bytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bytes), java.nio.charset.StandardCharsets.UTF_8);
    }
}
