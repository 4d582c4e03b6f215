package dev.connectx.adapters.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.domain.RequestId;
import dev.connectx.extension.ConnectCallException;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.RequestAction;
import dev.connectx.testing.support.PurchaseRequestJson;
import dev.connectx.testing.support.TierConfigRequestJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A handler's Connect calls, against the simulator on loopback: the documented actions, and what Connect refuses. */
class ConnectRestCallsTest {

    private static final String KEY = "ApiKey SU-1:calls";
    private static final RequestId PURCHASE = new RequestId("PR-2000-0000-0001-001");
    private static final RequestId SETUP = new RequestId("TCR-2000-0000-0001-001");

    private ConnectSimulator connect;
    private HttpClient http;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
        connect.putRequest(PurchaseRequestJson.of(
                PURCHASE.value(), "pending", "2026-01-01T00:00:00+00:00", "AS-2000-0000-0001", "PRD-1"));
        connect.putRequest(TierConfigRequestJson.of(
                "setup", SETUP.value(), "pending", "2026-01-01T00:00:00+00:00", "TC-2000-0000-0001", "TA-1", "PRD-1"));
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        connect.close();
    }

    private ConnectRestCalls calls() {
        return new ConnectRestCalls(http, URI.create(connect.apiAddress() + "/public/v1"), Duration.ofSeconds(10));
    }

    @Test
    void approve_posts_the_template_as_each_request_kind_takes_it_and_answers_the_request() throws Exception {
        String approved = calls().approve(KEY, PURCHASE, "TL-111-222-333");
        calls().approve(KEY, SETUP, "TL-444-555-666");

        assertTrue(approved.contains("\"status\":\"approved\""), approved);
        assertEquals(
                List.of(
                        new RequestAction(PURCHASE.value(), "approve", "{\"template_id\":\"TL-111-222-333\"}"),
                        new RequestAction(SETUP.value(), "approve", "{\"template\":{\"id\":\"TL-444-555-666\"}}")),
                connect.requestActions());
        assertTrue(connect.heldRequest(SETUP.value()).orElseThrow().contains("\"status\":\"approved\""));
    }

    @Test
    void fail_and_inquire_are_the_documented_calls() throws Exception {
        calls().fail(KEY, PURCHASE, "no such plan \"gold\"");
        calls().inquire(KEY, SETUP);

        assertEquals(
                List.of(
                        new RequestAction(PURCHASE.value(), "fail", "{\"reason\":\"no such plan \\\"gold\\\"\"}"),
                        new RequestAction(SETUP.value(), "inquire", "{}")),
                connect.requestActions());
    }

    @Test
    void get_reads_any_object_by_its_relative_path() throws Exception {
        String request = calls().get(KEY, "requests/" + PURCHASE.value());

        assertTrue(request.contains(PURCHASE.value()), request);
    }

    @Test
    void connects_refusal_carries_its_status_and_error_and_says_nothing_of_the_runners_key() throws Exception {
        calls().approve(KEY, PURCHASE, "TL-1");

        ConnectCallException twice =
                assertThrows(ConnectCallException.class, () -> calls().approve(KEY, PURCHASE, "TL-1"));
        ConnectCallException wrongKey =
                assertThrows(ConnectCallException.class, () -> calls().get("ApiKey SU-1:wrong", "requests/PR-1"));
        ConnectCallException missing =
                assertThrows(ConnectCallException.class, () -> calls().get(KEY, "requests/PR-9999"));

        assertEquals(400, twice.status());
        assertTrue(twice.getMessage().startsWith("POST requests/" + PURCHASE.value() + "/approve answered HTTP 400: "));
        assertTrue(twice.getMessage().contains("Only pending requests"), twice.getMessage());
        assertEquals(401, wrongKey.status());
        assertFalse(wrongKey.getMessage().contains("wrong"), "the key is not quoted: " + wrongKey.getMessage());
        assertEquals(404, missing.status());
        assertEquals(1, connect.requestActions().size());
    }

    @Test
    void a_path_that_is_not_a_relative_api_path_never_leaves() {
        for (String path : new String[] {
            "/requests", "http://evil.example/x", "../admin", "requests/../../x", "requests/a b", "", "requests#x"
        }) {
            ConnectCallException refused = assertThrows(ConnectCallException.class, () -> calls().get(KEY, path), path);
            assertEquals(0, refused.status(), path);
        }
        // a request id is checked by the domain before any call can be made with it
        assertThrows(RuntimeException.class, () -> new RequestId("PR-1/../x"));
        assertTrue(connect.restCalls().isEmpty(), connect.restCalls().toString());
    }
}
