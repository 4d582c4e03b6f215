package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.PurchaseRequestJson;
import dev.connectx.testing.support.RepositoryFiles;
import dev.connectx.testing.support.TierConfigRequestJson;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A subscription's whole life through the real protocol (the simulator on loopback), the app and each storage
 * adapter: an asset purchased, suspended, resumed and cancelled, a tier configuration set up and changed, each task
 * delivered twice and kept once, and what the read API says at every step.
 */
class LifecycleEndToEndTest {

    private static final String KEY = "ApiKey SU-333-444-555:lifecycle";
    private static final String DATA_API_KEY = "lifecycle-data-api-key";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private ConnectxApp start(ConnectSimulator connect, String adapter) {
        Map<String, String> settings = TestConfig.connected(dataDir, connect, KEY, "ENV-3333-4444-01");
        if (adapter.equals("http")) {
            settings = TestConfig.onOwnDataApi(settings, DATA_API_KEY);
        }
        return ConnectxApp.start(TestConfig.config(settings));
    }

    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"driver", "http"})
    void an_asset_through_purchase_suspend_resume_and_cancel_and_a_tier_configuration_through_setup_and_change(
            String adapter) throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                ConnectxApp app = start(connect, adapter)) {
            connect.awaitHandshakes(1, WAIT);
            String[][] steps = {
                {"asset_purchase_request_processing", "purchase", "PR-3333-0001", "active"},
                {"asset_suspend_request_processing", "suspend", "PR-3333-0002", "suspended"},
                {"asset_resume_request_processing", "resume", "PR-3333-0003", "active"},
                {"asset_cancel_request_processing", "cancel", "PR-3333-0004", "terminated"}
            };
            for (int i = 0; i < steps.length; i++) {
                String[] step = steps[i];
                connect.putRequest(new PurchaseRequestJson(
                                step[2],
                                "approved",
                                "2024-0" + (i + 1) + "-01T10:00:00+00:00",
                                "AS-3333-0000-0001",
                                "PRD-333-333-333",
                                "1",
                                1)
                        .json(step[1], step[3]));
                deliverTwice(connect, step[0], step[2]);

                JsonNode asset = get(app, "/api/assets/AS-3333-0000-0001", 200);
                assertEquals(step[3], asset.get("asset_status").asText(), adapter + ", after " + step[1]);
                assertEquals(step[1], asset.get("request_type").asText());
                assertEquals(i + 1, asset.get("events").asLong(), "each task kept once");
            }

            connect.putRequest(TierConfigRequestJson.of(
                    "setup",
                    "TCR-3333-0001",
                    "approved",
                    "2024-01-01T10:00:00+00:00",
                    "TC-3333-0001",
                    "TA-3333",
                    "PRD-3"));
            deliverTwice(connect, "tier_config_setup_request_processing", "TCR-3333-0001");
            connect.putRequest(TierConfigRequestJson.of(
                    "update",
                    "TCR-3333-0002",
                    "pending",
                    "2024-02-01T10:00:00+00:00",
                    "TC-3333-0001",
                    "TA-3333",
                    "PRD-3"));
            deliverTwice(connect, "tier_config_change_request_processing", "TCR-3333-0002");

            JsonNode config = get(app, "/api/tier-configs/TC-3333-0001", 200);
            assertEquals("update", config.get("request_type").asText());
            assertEquals("pending", config.get("status").asText());
            assertEquals(2, config.get("events").asLong());
            JsonNode cancels = get(app, "/api/events?event_type=asset_cancel_request_processing", 200);
            assertEquals(1, cancels.get("events").size());

            // The three types the story above leaves out, so that every one of the nine is kept once.
            connect.putRequest(new PurchaseRequestJson(
                            "PR-3333-0005",
                            "pending",
                            "2024-06-01T10:00:00+00:00",
                            "AS-3333-0000-0002",
                            "PRD-3",
                            "1",
                            2)
                    .json("change", "active"));
            deliverTwice(connect, "asset_change_request_processing", "PR-3333-0005");
            connect.putRequest(new PurchaseRequestJson(
                            "PR-3333-0006",
                            "inquiring",
                            "2024-07-01T10:00:00+00:00",
                            "AS-3333-0000-0002",
                            "PRD-3",
                            "1",
                            2)
                    .json("adjustment", "active"));
            deliverTwice(connect, "asset_adjustment_request_processing", "PR-3333-0006");
            connect.putRequest(TierConfigRequestJson.of(
                    "adjustment",
                    "TCR-3333-0003",
                    "draft",
                    "2024-03-01T10:00:00+00:00",
                    "TC-3333-0001",
                    "TA-3333",
                    "PRD-3"));
            deliverTwice(connect, "tier_config_adjustment_request_processing", "TCR-3333-0003");

            JsonNode byType = get(app, "/api/status", 200).get("counts_by_type");
            assertEquals(9, byType.size(), byType.toString());
            byType.properties().forEach(type -> {
                long kept = 0;
                for (JsonNode count : type.getValue()) {
                    kept += count.asLong();
                }
                assertEquals(1, kept, adapter + ": one document of " + type.getKey());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "purchase-request.json",
                "asset-change-request.json",
                "asset-suspend-request.json",
                "asset-resume-request.json",
                "asset-cancel-request.json",
                "asset-adjustment-request.json",
                "tier-config-setup-request.json",
                "tier-config-change-request.json",
                "tier-config-adjustment-request.json"
            })
    void every_sample_is_recorded_by_local_delivery_as_its_type(String sample) throws Exception {
        try (ConnectxApp app = ConnectxApp.start(TestConfig.config(TestConfig.local(dataDir)))) {
            String body = RepositoryFiles.read("samples/" + sample);
            JsonNode request = JSON.readTree(body);

            JsonNode answer = post(app, body);

            assertEquals("success", answer.get("result").asText(), answer.toString());
            JsonNode events = get(app, "/api/requests/" + request.get("id").asText() + "/events", 200);
            String eventType = events.get("events").get(0).get("event_type").asText();
            assertEquals(
                    request.get("type").asText(),
                    events.get("events").get(0).get("request_type").asText());
            assertTrue(
                    Stream.of("asset_", "tier_config_").anyMatch(eventType::startsWith)
                            && eventType.endsWith("_request_processing"),
                    eventType);
        }
    }

    private static void deliverTwice(ConnectSimulator connect, String eventType, String id) {
        TaskResult first = connect.awaitResult(connect.deliver(eventType, id), WAIT);
        TaskResult again = connect.awaitResult(connect.deliver(eventType, id), WAIT);
        assertEquals("success", first.result(), eventType + ": " + first.message());
        assertEquals("success", again.result(), eventType + " redelivered: " + again.message());
    }

    private static JsonNode post(ConnectxApp app, String body) throws IOException {
        try (HttpClientResponse response = WebClient.create()
                .post()
                .uri(URI.create("http://127.0.0.1:" + app.httpPort() + "/local/requests"))
                .header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON)
                .submit(body)) {
            return JSON.readTree(response.as(String.class));
        }
    }

    private static JsonNode get(ConnectxApp app, String path, int expected) throws IOException {
        try (HttpClientResponse response = WebClient.create()
                .get()
                .uri(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .request()) {
            String body = response.as(String.class);
            assertEquals(expected, response.status().code(), path + ": " + body);
            return JSON.readTree(body);
        }
    }
}
