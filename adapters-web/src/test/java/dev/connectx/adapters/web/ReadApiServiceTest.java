package dev.connectx.adapters.web;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read API over a real HTTP server on loopback, reading from the in-memory store double. */
class ReadApiServiceTest extends ReadApiFixture {

    @Test
    void a_requests_events_oldest_first_with_the_request_as_sent() throws Exception {
        storeFiveEvents();

        JsonNode body = getJson("/api/requests/PR-1000-0000-0000-001/events", 200);

        assertEquals(4, body.get("events").size());
        assertEquals(List.of("pending", "inquiring", "pending", "approved"), texts(body.get("events"), "status"));
        assertEquals(
                "2026-11-01T10:00:00Z", body.get("events").get(0).get("updated").asText());
        assertEquals(
                "PR-1000-0000-0000-001",
                body.get("events").get(0).get("request").get("id").asText(),
                "the request object itself");
    }

    @Test
    void a_requests_events_come_in_pages_with_a_next_link() throws Exception {
        storeFiveEvents();
        List<String> statuses = new ArrayList<>();
        String next = "/api/requests/PR-1000-0000-0000-001/events?limit=3";
        int pages = 0;
        while (next != null && pages++ < 10) {
            JsonNode page = getJson(next, 200);
            assertEquals("PR-1000-0000-0000-001", page.get("request_id").asText());
            statuses.addAll(texts(page.get("events"), "status"));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertEquals(2, pages);
        assertEquals(List.of("pending", "inquiring", "pending", "approved"), statuses);
        assertTrue(getJson("/api/requests/PR-1000-0000-0000-001/events?status=pending", 400)
                .get("error")
                .asText()
                .startsWith("unknown parameter 'status'"));
    }

    @Test
    void large_events_are_streamed_in_pages_bounded_by_size() throws Exception {
        String big = "z".repeat(3 * 1024 * 1024);
        for (int i = 0; i < 3; i++) {
            store.save(aPurchaseEvent()
                    .withRequestId("PR-3000-0000-0000-001")
                    .withUpdated(T0.plusSeconds(i))
                    .withPayload("{\"id\":\"PR-3000-0000-0000-001\",\"blob\":\"" + big + "\"}")
                    .build());
        }

        JsonNode first = getJson("/api/requests/PR-3000-0000-0000-001/events", 200);
        JsonNode second = getJson(first.get("next").asText(), 200);

        assertEquals(2, first.get("events").size(), "6 MiB of requests fit a page of 8 MiB, 9 do not");
        assertEquals(big, first.get("events").get(1).get("request").get("blob").asText());
        assertEquals(1, second.get("events").size());
        assertTrue(second.get("next").isNull());
    }

    @Test
    void a_subscriptions_current_state() throws Exception {
        storeFiveEvents();

        JsonNode body = getJson("/api/assets/AS-1000-0000-0001", 200);

        assertEquals("failed", body.get("status").asText());
        assertEquals("PR-1000-0000-0000-002", body.get("request_id").asText());
        assertEquals("2026-11-01T10:04:00Z", body.get("changed_at").asText());
        assertEquals(5, body.get("events").asLong());
        assertTrue(body.get("product_id").asText().startsWith("PRD-"));
    }

    @Test
    void unknown_ids_are_404_and_malformed_ids_400() throws Exception {
        assertTrue(getJson("/api/requests/PR-9999-9999-9999-999/events", 404)
                .get("error")
                .asText()
                .contains("PR-9999-9999-9999-999"));
        assertTrue(getJson("/api/assets/AS-9999-9999-9999", 404)
                .get("error")
                .asText()
                .contains("AS-9999-9999-9999"));
        assertTrue(getJson("/api/requests/not-a-request/events", 400)
                .get("error")
                .asText()
                .startsWith("requestId:"));
        assertTrue(getJson("/api/assets/PR-1", 400).get("error").asText().startsWith("assetId:"));
    }

    @Test
    void events_page_through_next_links_each_once_in_order() throws Exception {
        storeFiveEvents();
        List<String> keys = new ArrayList<>();
        String next = "/api/events?limit=2";
        int pages = 0;
        while (next != null && pages++ < 10) {
            JsonNode page = getJson(next, 200);
            keys.addAll(texts(page.get("events"), "key"));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertEquals(3, pages);
        assertEquals(5, keys.size());
        assertEquals(5, keys.stream().distinct().count());
        assertTrue(
                keys.get(0).endsWith("/pending/2026-11-01T10:00:00Z")
                        && keys.get(4).endsWith("/failed/2026-11-01T10:04:00Z"),
                keys.toString());
    }

    @Test
    void events_filtered_by_status_and_since() throws Exception {
        storeFiveEvents();

        assertEquals(2, getJson("/api/events?status=pending", 200).get("events").size());
        assertEquals(
                List.of("approved", "failed"),
                texts(getJson("/api/events?since=2026-11-01T10:03:00Z", 200).get("events"), "status"));
        assertEquals(
                List.of("failed"),
                texts(
                        getJson("/api/events?since=2026-11-01T11:03:00%2B01:00&status=failed", 200)
                                .get("events"),
                        "status"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "status=exploded|status:",
                "limit=0|limit: '0' is not a number from 1 to 500",
                "limit=501|limit:",
                "limit=ten|limit:",
                "since=yesterday|since: 'yesterday' is not an ISO-8601 date-time",
                "after=%25%25%25|after: not a cursor",
                "after=bm90LWEta2V5|after: not a cursor",
                "color=blue|unknown parameter 'color'",
                "event_type=asset_renew_request_processing|event_type: 'asset_renew_request_processing' is not one of",
            })
    void bad_parameters_are_400_naming_the_parameter(String query, String expected) throws Exception {
        String error = getJson("/api/events?" + query, 400).get("error").asText();

        assertTrue(error.startsWith(expected), error);
    }

    @Test
    void an_unreachable_store_is_503_and_the_status_says_so() throws Exception {
        storeFiveEvents();
        store.makeUnavailable(true);

        assertTrue(getJson("/api/events", 503).get("error").asText().startsWith("the store is unavailable"));
        JsonNode status = getJson("/api/status", 200);
        assertEquals(false, status.get("store").get("reachable").asBoolean());
        assertTrue(status.get("counts") == null);
    }

    @Test
    void the_status_has_connection_store_counts_and_latest_events() throws Exception {
        storeFiveEvents();
        connected = false;

        JsonNode status = getJson("/api/status", 200);

        assertEquals("9.9.9", status.get("version").asText(), "the version the composition root gives");
        assertEquals(false, status.get("connect").get("connected").asBoolean());
        assertEquals("ws://connect.test", status.get("connect").get("target").asText());
        assertEquals("in-memory", status.get("store").get("description").asText());
        assertEquals(2, status.get("counts").get("pending").asLong());
        assertEquals(0, status.get("counts").get("revoked").asLong());
        assertEquals(5, status.get("total").asLong());
        JsonNode byType = status.get("counts_by_type");
        assertEquals(1, byType.size(), byType.toString());
        assertEquals(
                2,
                byType.get("asset_purchase_request_processing").get("pending").asLong());
        assertTrue(byType.get("asset_purchase_request_processing").get("revoked") == null, "no zero counts by type");
        assertEquals("failed", status.get("latest").get(0).get("status").asText(), "newest first");
        assertTrue(status.get("latest").get(0).get("request") == null, "no request bodies on the status");
        assertEquals(0, status.get("unreadable").asLong());
    }

    @Test
    void status_answers_within_a_second_share_one_count_of_the_store() throws Exception {
        storeFiveEvents();
        assertEquals(5, getJson("/api/status", 200).get("total").asLong());

        store.save(aPurchaseEvent()
                .withRequestId("PR-1000-0000-0000-009")
                .withUpdated(T0.plusSeconds(600))
                .build());

        assertEquals(5, getJson("/api/status", 200).get("total").asLong(), "the count of a moment ago");
        Thread.sleep(1100);
        assertEquals(6, getJson("/api/status", 200).get("total").asLong(), "counted again after a second");
    }

    @Test
    void the_status_page_arrives_written_and_refreshes_from_the_same_rendering() throws Exception {
        store.save(aPurchaseEvent().withRequestId("PR-1000-0000-0000-077").build());

        Reply page = get("/");
        Reply live = get("/status/live");

        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("id=\"connect-state\" class=\"ok\">connected"), page.body());
        assertTrue(page.body().contains("data-status=\"pending\"><td>pending</td><td class=\"num\">1</td>"));
        assertTrue(page.body().contains("PR-1000-0000-0000-077"), "the newest event, without a script");
        assertTrue(page.body().contains("version 9.9.9 · up "), page.body());
        assertTrue(page.body().contains("fetch(location.origin + \"/status/live\""));
        assertTrue(!page.body().contains("<script src"), "no external scripts");
        assertEquals(200, live.status());
        assertTrue(live.body().startsWith("<div class=\"muted\">version 9.9.9"), live.body());
        assertTrue(!live.body().contains("<html") && !live.body().contains("<script"), "the content alone");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
