package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RepositoryFiles;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode (no API_KEY, no ENVIRONMENT_ID): local delivery straight to the record use case, on either store. */
class LocalModeTest {

    private static final String SAMPLE = RepositoryFiles.read("samples/purchase-request.json");

    @TempDir
    Path dataDir;

    @Test
    void a_delivery_goes_straight_to_the_use_case_with_no_connect_runtime() {
        try (ConnectxApp app = ConnectxApp.start(
                TestConfig.config(TestConfig.with(TestConfig.local(dataDir), "CONNECTX_STATUSES", "approved")))) {
            String answer = LocalDeliveries.post(app, SAMPLE);

            assertEquals(
                    "{\"result\":\"skip\",\"message\":\"not subscribed to asset_purchase_request_processing in status pending\"}",
                    answer,
                    "the use case skipped it");
            assertTrue(app.connectRuntime().isEmpty(), "no Connect runtime in local mode");
        }
    }

    @Test
    void concurrent_posts_of_one_request_in_other_statuses_and_updates_are_each_stored() throws Exception {
        try (ConnectxApp app = ConnectxApp.start(TestConfig.config(TestConfig.local(dataDir)))) {
            String sample = SAMPLE;
            List<String> statuses =
                    List.of("pending", "approved", "failed", "inquiring", "scheduled", "revoking", "revoked");
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 49; i++) {
                    String body = sample.replace(
                                    "\"status\": \"pending\"", "\"status\": \"" + statuses.get(i % 7) + "\"")
                            .replace("2023-01-18T10:02:13+00:00", "2023-01-18T10:%02d:13+00:00".formatted(i / 7));
                    answers.add(threads.submit(() -> LocalDeliveries.post(app, body)));
                }
                for (var answer : answers) {
                    String text = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    assertTrue(
                            text.startsWith("{\"result\":\"success\",\"message\":\"stored PR-5571-0393-2216-001/"),
                            text);
                }
            }
            List<Document> kept = StoredEvents.documents(app);
            assertEquals(49, kept.size(), "each status and update of the one request is its own event");
            assertEquals(
                    49,
                    kept.stream()
                            .map(document -> document.get("_id"))
                            .distinct()
                            .count());
        }
    }

    @Test
    void the_http_adapter_goes_through_connectx_own_data_api_server_over_loopback() {
        try (ConnectxApp app = ConnectxApp.start(
                TestConfig.config(TestConfig.with(TestConfig.local(dataDir), "STORAGE_ADAPTER", "http")))) {
            assertTrue(
                    app.storeDescription()
                            .startsWith("Data API store, collection connectx.http_data at 127.0.0.1:" + app.httpPort()),
                    app.storeDescription());

            assertTrue(LocalDeliveries.post(app, SAMPLE).startsWith("{\"result\":\"success\""));
            assertTrue(LocalDeliveries.post(app, SAMPLE).startsWith("{\"result\":\"success\""));

            assertEquals(1, StoredEvents.count(app, "http_data"));
            assertEquals(0, StoredEvents.count(app, "driver_data"));
        }
    }
}
