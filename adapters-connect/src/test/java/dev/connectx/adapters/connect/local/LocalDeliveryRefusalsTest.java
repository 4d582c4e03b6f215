package dev.connectx.adapters.connect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RepositoryFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What local delivery refuses before recording: cross-site posts, foreign origins, oversized and slow bodies. */
class LocalDeliveryRefusalsTest extends LocalDeliveryFixture {

    @Test
    void a_body_that_is_not_declared_json_is_refused_415_and_nothing_is_stored() throws Exception {
        for (String type :
                List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            Answer answer = post(sample(), Map.of("Content-Type", type));

            assertEquals(415, answer.status(), type);
            assertTrue(
                    answer.body().get("error").asText().contains("application/json"),
                    answer.body().toString());
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
        Answer answer = post(
                sample(),
                Map.of(
                        "Content-Type",
                        "application/json; charset=utf-8",
                        "Origin",
                        "http://127.0.0.1:" + server.port(),
                        "Sec-Fetch-Site",
                        "same-origin"));

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
                socket.getOutputStream()
                        .write(
                                ("POST /local/purchase-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                                + "Content-Length: " + body.length + "\r\n\r\n")
                                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body, 0, 10);
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long started = System.nanoTime();
            Answer answer = post(sample());
            long waited =
                    java.time.Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertEquals(200, answer.status(), answer.body().toString());
            assertTrue(
                    waited >= 1500 && waited < 15_000,
                    "served once the slow bodies were cut off, after " + waited + " ms");
            assertEquals(1, store.events().size(), "only the complete delivery");
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void a_body_over_the_limit_is_refused_and_nothing_is_stored() throws Exception {
        Answer answer = post("{\"id\":\"PR-1\",\"blob\":\"" + "b".repeat(MAX_BODY) + "\"}");

        assertEquals(413, answer.status());
        assertEquals(0, store.events().size());
    }

    @Test
    void the_route_for_every_type_refuses_cross_site_posts_the_same_way() throws Exception {
        String setup = RepositoryFiles.read("samples/tier-config-setup-request.json");

        assertEquals(
                415,
                post("/local/requests", setup, Map.of("Content-Type", "text/plain"))
                        .status());
        assertEquals(
                403,
                post(
                                "/local/requests",
                                setup,
                                Map.of("Content-Type", "application/json", "Origin", "http://evil.example"))
                        .status());
        assertEquals(0, store.events().size());
        // Allowed through, and read as a tier configuration request: this fixture subscribes to purchase requests only.
        Answer allowed = post("/local/requests", setup, Map.of("Content-Type", "application/json"));
        assertEquals(200, allowed.status());
        assertEquals(
                "skip", allowed.body().get("result").asText(), allowed.body().toString());
    }

    @Test
    void the_route_for_every_type_names_a_request_type_it_does_not_record() throws Exception {
        String renew = RepositoryFiles.samplePurchaseRequest().replace("\"type\": \"purchase\"", "\"type\": \"renew\"");

        Answer answer = post("/local/requests", renew, Map.of("Content-Type", "application/json"));

        assertEquals(400, answer.status());
        assertEquals("type", answer.body().get("field").asText());
        assertEquals(0, store.events().size());
    }
}
