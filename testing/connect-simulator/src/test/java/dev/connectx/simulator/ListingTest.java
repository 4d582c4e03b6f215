package dev.connectx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's list endpoints, as a backfill pages through them: RQL filters, ordering, limit, offset, Content-Range. */
class ListingTest {

    private static final String KEY = "ApiKey SU-000-000-000:listing";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private ConnectSimulator connect;

    record Page(int status, String range, JsonNode body) {}

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
        String[] types = {"purchase", "suspend", "cancel"};
        for (int i = 0; i < 250; i++) {
            // Held in an order unlike their times, so that only the ordering puts them in time order.
            int minute = (i * 37) % 250;
            connect.putRequest(
                    """
                    {"id":"PR-1-%03d","type":"%s","status":"%s","updated":"%s","asset":{"id":"AS-1","product":{"id":"PRD-1"}}}""".formatted(i, types[i % 3], i % 2 == 0 ? "approved" : "pending", T0.plusSeconds(60L * minute)));
        }
        connect.putRequest("""
                {"id":"TCR-1-001","type":"setup","status":"approved","updated":"2024-01-01T00:00:00+00:00",\
                "configuration":{"id":"TC-1","account":{"id":"TA-1"},"product":{"id":"PRD-1"}}}""");
    }

    @AfterEach
    void stop() {
        connect.close();
    }

    private Page get(String pathAndQuery) throws Exception {
        HttpURLConnection connection = (HttpURLConnection)
                URI.create(connect.apiAddress() + pathAndQuery).toURL().openConnection();
        connection.setRequestProperty("Authorization", KEY);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Page(
                    status,
                    connection.getHeaderField("Content-Range"),
                    JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void pages_of_a_filtered_collection_come_in_time_order_with_their_range() throws Exception {
        String filter =
                "and(in(type,(purchase,suspend)),in(status,(approved,pending)),ge(updated,2024-01-01T01:00:00Z))";
        List<String> seen = new ArrayList<>();
        int offset = 0;
        String last = "";
        while (true) {
            Page page = get("/public/v1/requests?" + filter + "&ordering(updated)&limit=50&offset=" + offset);
            assertEquals(200, page.status());
            if (page.body().isEmpty()) {
                break;
            }
            assertTrue(page.range().matches("items " + offset + "-\\d+/\\d+"), page.range());
            for (JsonNode object : page.body()) {
                assertTrue(!object.get("type").asText().equals("cancel"), object.toString());
                String updated = object.get("updated").asText();
                assertTrue(Instant.parse(updated).compareTo(Instant.parse("2024-01-01T01:00:00Z")) >= 0, updated);
                assertTrue(last.compareTo(updated) <= 0, "in time order: " + last + " then " + updated);
                last = updated;
                seen.add(object.get("id").asText());
            }
            offset += page.body().size();
        }
        long expected = 0; // the purchases and suspensions of 01:00 or later, counted as start() made them
        for (int i = 0; i < 250; i++) {
            if (i % 3 != 2 && (i * 37) % 250 >= 60) {
                expected++;
            }
        }
        assertEquals(seen.size(), seen.stream().distinct().count(), "no object twice");
        assertEquals(expected, seen.size());
        Page count = get("/public/v1/requests?" + filter + "&limit=0&offset=0");
        assertEquals("items 0-0/" + seen.size(), count.range());
    }

    @Test
    void each_collection_lists_its_own_family() throws Exception {
        Page tiers = get("/public/v1/tier/config-requests?in(type,(setup,update))&limit=10&offset=0");
        assertEquals(1, tiers.body().size());
        assertEquals("items 0-0/1", tiers.range());
        assertEquals("TCR-1-001", tiers.body().get(0).get("id").asText());
    }

    @Test
    void a_tasks_staleness_count_still_answers_one_or_none() throws Exception {
        assertEquals(
                "items 0-0/1",
                get("/public/v1/requests?and(eq(id,PR-1-000),in(status,(approved)))&limit=0&offset=0")
                        .range());
        assertEquals(
                "items 0-0/0",
                get("/public/v1/requests?and(eq(id,PR-1-000),in(status,(pending)))&limit=0&offset=0")
                        .range());
    }

    @Test
    void a_filter_the_simulator_cannot_read_is_a_400() throws Exception {
        assertEquals(400, get("/public/v1/requests?like(id,PR*)&limit=10").status());
        assertEquals(400, get("/public/v1/requests?and(eq(id,PR-1)&limit=10").status());
    }
}
