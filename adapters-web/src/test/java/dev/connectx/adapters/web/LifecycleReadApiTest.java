package dev.connectx.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.application.testing.SubscriptionEventFixtures;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import org.junit.jupiter.api.Test;

/** The read side of a subscription's whole life: an asset's state and timeline, a tier configuration's state. */
class LifecycleReadApiTest extends ReadApiFixture {

    @Test
    void an_asset_taken_through_purchase_suspend_resume_and_cancel_reports_each_step() throws Exception {
        String[][] steps = {
            {"ASSET_PURCHASE_REQUEST_PROCESSING", "PR-3000-0001", "active", "purchase"},
            {"ASSET_SUSPEND_REQUEST_PROCESSING", "PR-3000-0002", "suspended", "suspend"},
            {"ASSET_RESUME_REQUEST_PROCESSING", "PR-3000-0003", "active", "resume"},
            {"ASSET_CANCEL_REQUEST_PROCESSING", "PR-3000-0004", "terminated", "cancel"}
        };
        for (int i = 0; i < steps.length; i++) {
            store.save(SubscriptionEventFixtures.anEvent(EventType.valueOf(steps[i][0]))
                    .withRequestId(steps[i][1])
                    .withAssetId("AS-3000-0000-0001")
                    .withAssetStatus(steps[i][2])
                    .withStatus(RequestStatus.APPROVED)
                    .withUpdated(T0.plusSeconds(3600L * i))
                    .build());

            JsonNode asset = getJson("/api/assets/AS-3000-0000-0001", 200);

            assertEquals(steps[i][2], asset.get("asset_status").asText(), "after " + steps[i][3]);
            assertEquals(steps[i][3], asset.get("request_type").asText());
            assertEquals(steps[i][1], asset.get("request_id").asText());
            assertEquals(i + 1, asset.get("events").asLong());
        }
        // A late redelivery of the first step changes nothing: the newest updated wins, not the newest arrival.
        store.save(SubscriptionEventFixtures.anEvent(EventType.ASSET_PURCHASE_REQUEST_PROCESSING)
                .withRequestId("PR-3000-0001")
                .withAssetId("AS-3000-0000-0001")
                .withAssetStatus("active")
                .withStatus(RequestStatus.APPROVED)
                .withUpdated(T0)
                .build());
        assertEquals(
                "terminated",
                getJson("/api/assets/AS-3000-0000-0001", 200)
                        .get("asset_status")
                        .asText());
    }

    @Test
    void a_tier_configurations_setup_and_change_requests_show_in_its_view() throws Exception {
        store.save(SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING)
                .withRequestId("TCR-3000-0001")
                .withTierConfigId("TC-3000-0001")
                .withStatus(RequestStatus.APPROVED)
                .withUpdated(T0)
                .build());
        store.save(SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_CHANGE_REQUEST_PROCESSING)
                .withRequestId("TCR-3000-0002")
                .withTierConfigId("TC-3000-0001")
                .withStatus(RequestStatus.PENDING)
                .withUpdated(T0.plusSeconds(60))
                .build());

        JsonNode config = getJson("/api/tier-configs/TC-3000-0001", 200);

        assertEquals("TC-3000-0001", config.get("tier_config_id").asText());
        assertEquals("TA-1208-1373-1762", config.get("account_id").asText());
        assertEquals("update", config.get("request_type").asText());
        assertEquals("pending", config.get("status").asText());
        assertEquals("TCR-3000-0002", config.get("request_id").asText());
        assertEquals(1, config.get("tier_level").asInt());
        assertEquals("processing", config.get("config_status").asText());
        assertEquals(2, config.get("events").asLong());
        assertTrue(
                getJson("/api/tier-configs/TC-9999", 404).get("error").asText().contains("TC-9999"));
        assertTrue(getJson("/api/tier-configs/AS-1", 400).get("error").asText().startsWith("tierConfigId:"));
        JsonNode events = getJson("/api/requests/TCR-3000-0002/events", 200);
        assertEquals(
                "tier_config_change_request_processing",
                events.get("events").get(0).get("event_type").asText());
    }

    @Test
    void events_filtered_by_event_type_keep_the_filter_in_next() throws Exception {
        storeFiveEvents();
        for (int i = 0; i < 3; i++) {
            store.save(SubscriptionEventFixtures.anEvent(EventType.ASSET_SUSPEND_REQUEST_PROCESSING)
                    .withRequestId("PR-4000-000" + i)
                    .withUpdated(T0.plusSeconds(i))
                    .build());
        }

        JsonNode page = getJson("/api/events?event_type=asset_suspend_request_processing&limit=2", 200);

        assertEquals(2, page.get("events").size());
        page.get("events")
                .forEach(event ->
                        assertEquals("suspend", event.get("request_type").asText()));
        String next = page.get("next").asText();
        assertTrue(next.contains("event_type=asset_suspend_request_processing"), next);
        assertEquals(1, getJson(next, 200).get("events").size());
    }

    @Test
    void an_assets_timeline_lists_its_events_across_requests_oldest_first() throws Exception {
        store.save(SubscriptionEventFixtures.anEvent(EventType.ASSET_SUSPEND_REQUEST_PROCESSING)
                .withRequestId("PR-5000-0002")
                .withAssetId("AS-5000-0001")
                .withAssetStatus("suspended")
                .withUpdated(T0.plusSeconds(60))
                .build());
        store.save(SubscriptionEventFixtures.anEvent(EventType.ASSET_PURCHASE_REQUEST_PROCESSING)
                .withRequestId("PR-5000-0001")
                .withAssetId("AS-5000-0001")
                .withUpdated(T0)
                .build());
        store.save(SubscriptionEventFixtures.anEvent(EventType.ASSET_PURCHASE_REQUEST_PROCESSING)
                .withRequestId("PR-5000-0009")
                .withAssetId("AS-5000-0009")
                .build());

        JsonNode timeline = getJson("/api/assets/AS-5000-0001/events", 200);

        assertEquals("AS-5000-0001", timeline.get("asset_id").asText());
        assertEquals(2, timeline.get("events").size());
        assertEquals(
                "purchase", timeline.get("events").get(0).get("request_type").asText());
        assertEquals(
                "suspend", timeline.get("events").get(1).get("request_type").asText());
        assertEquals(
                "suspended", timeline.get("events").get(1).get("asset_status").asText());
        assertEquals("task", timeline.get("events").get(1).get("source").asText());
        assertTrue(getJson("/api/assets/AS-5000-0404/events", 404)
                .get("error")
                .asText()
                .contains("AS-5000-0404"));
    }

    @Test
    void the_asset_page_is_self_contained_and_reads_the_assets_state_and_timeline() {
        Reply page = get("/assets/AS-5000-0001");

        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("/events\")"), "it reads the timeline");
        assertTrue(!page.body().contains("innerHTML") && !page.body().contains("<script src"));
        assertTrue(
                page.body().contains("<style>\n  body { font-family: system-ui"),
                "the pages' shared stylesheet, inline");
        StatusPageService pages = new StatusPageService(new StatusReport(
                new dev.connectx.application.service.ReadSubscriptionEventsService(store),
                dev.connectx.application.port.in.ReadBackfillStatusUseCase.none(),
                () -> dev.connectx.application.port.in.RecordingState.idleSince(java.time.Instant.now()),
                () -> new ConnectionState(false, false, "local", "in-memory", "9.9.9"),
                java.time.Clock.systemUTC()));
        String policy = pages.assetPolicy();
        assertTrue(policy.contains("script-src 'sha256-") && !policy.contains("unsafe-inline"), policy);
        assertTrue(!policy.equals(pages.policy()), "each page is allowed its own script only");
    }
}
