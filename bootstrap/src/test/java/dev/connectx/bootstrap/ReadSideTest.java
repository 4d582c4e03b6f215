package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read API and the status page on the whole app, answering from either store: the sample event posted in
 * local mode comes back from /api and shows on the page, rendered by a real headless browser where Debian's
 * chromium is installed.
 */
class ReadSideTest {

    private static final String REQUEST = "PR-5571-0393-2216-001";
    private static final String ASSET = "AS-5571-0393-2216";

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "STORAGE_ADAPTER={0}")
    @ValueSource(strings = {"driver", "http"})
    void the_read_api_answers_from_the_store(String adapter) throws Exception {
        try (ConnectxApp app = start(adapter)) {
            postSample(app);

            String events = get(app, "/api/requests/" + REQUEST + "/events", 200);
            assertTrue(events.contains("\"status\":\"pending\"") && events.contains("\"request\":{"), events);
            String asset = get(app, "/api/assets/" + ASSET, 200);
            assertTrue(
                    asset.contains("\"status\":\"pending\"")
                            && asset.contains("\"product_id\":\"PRD-276-377-545\"")
                            && asset.contains("\"events\":1"),
                    asset);
            String page = get(app, "/api/events?status=pending&since=2020-01-01T00:00:00Z&limit=10", 200);
            assertTrue(page.contains(REQUEST) && page.contains("\"next\":null"), page);
            assertTrue(get(app, "/api/events?status=approved", 200).contains("\"events\":[]"));
            String status = get(app, "/api/status", 200);
            assertTrue(
                    status.contains("\"configured\":false,\"connected\":false")
                            && status.contains("\"pending\":1")
                            && status.contains("\"total\":1"),
                    status);
            assertTrue(status.contains(adapter.equals("http") ? "Data API store" : "MongoDB driver store"), status);

            get(app, "/api/requests/PR-0000-0000-0000-000/events", 404);
            get(app, "/api/events?limit=5000", 400);
        }
    }

    @ParameterizedTest(name = "STORAGE_ADAPTER={0}")
    @ValueSource(strings = {"driver", "http"})
    void foreign_documents_in_the_collection_are_skipped_and_counted_never_a_500(String adapter) throws Exception {
        try (ConnectxApp app = start(adapter)) {
            postSample(app);
            try (var client = com.mongodb.reactivestreams.client.MongoClients.create(
                    app.embeddedMongo().orElseThrow().connectionString())) {
                var collection = client.getDatabase("connectx")
                        .getCollection(adapter.equals("http") ? "http_data" : "driver_data");
                reactor.core.publisher.Mono.from(collection.insertOne(new org.bson.Document("note", "not an event")))
                        .block();
                reactor.core.publisher.Mono.from(collection.insertOne(new org.bson.Document("_id", "x")
                                .append("status", "pending")
                                .append("updated", "yesterday")))
                        .block();
            }

            String status = get(app, "/api/status", 200);
            assertTrue(status.contains("\"total\":1") && status.contains("\"unreadable\":2"), status);
            String events = get(app, "/api/events", 200);
            assertTrue(events.contains(REQUEST) && events.contains("\"next\":null"), events);
            assertEquals(1, events.split("\"key\"").length - 1, events);
            assertTrue(get(app, "/api/assets/" + ASSET, 200).contains("\"events\":1"));
        }
    }

    @Test
    void the_status_page_renders_the_sample_event_in_a_headless_browser() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Debian's chromium is not installed (apt-get install chromium)");
        try (ConnectxApp app = start("driver")) {
            postSample(app);

            String dom = HeadlessChromium.renderedDom(dataDir, "http://127.0.0.1:" + app.httpPort() + "/");

            assertTrue(dom.contains(REQUEST), "the newest event is listed: " + dom);
            assertTrue(
                    dom.contains("data-status=\"pending\"><td>pending</td><td class=\"num\">1</td>"),
                    "pending counts 1: " + dom);
            assertTrue(
                    dom.contains("id=\"connect-state\" class=\"muted\">local mode"),
                    "no Connect in local mode: " + dom);
            assertTrue(dom.contains("id=\"store-state\" class=\"ok\">reachable"), dom);
            assertTrue(
                    dom.contains("<div id=\"offline\" class=\"bad\" hidden=\"\">"), "the refreshes answered: " + dom);
        }
    }

    @Test
    void the_asset_page_renders_the_assets_timeline_in_a_headless_browser() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Debian's chromium is not installed (apt-get install chromium)");
        try (ConnectxApp app = start("driver")) {
            postSample(app);
            post(app, "/local/requests", RepositoryFiles.read("samples/asset-suspend-request.json"));

            String dom =
                    HeadlessChromium.renderedDom(dataDir, "http://127.0.0.1:" + app.httpPort() + "/assets/" + ASSET);

            assertTrue(
                    dom.contains("id=\"asset-status\" class=\"muted\">suspended"),
                    "the newest request's asset status: " + dom);
            assertTrue(dom.contains("data-request=\"" + REQUEST + "\""), "the purchase is on the timeline: " + dom);
            assertTrue(
                    dom.contains(
                            "data-request=\"PR-5571-0393-2216-003\"><td>2023-06-10T14:00:05Z</td><td>PR-5571-0393-2216-003</td><td>suspend</td><td>approved</td><td>suspended</td>"),
                    "the suspension follows it, with type, status and date: " + dom);
            assertFalse(dom.contains("id=\"problem\" class=\"bad\">H"), dom);
        }
    }

    private ConnectxApp start(String adapter) {
        return ConnectxApp.start(
                TestConfig.config(TestConfig.with(TestConfig.local(dataDir), "STORAGE_ADAPTER", adapter)));
    }

    private static void post(ConnectxApp app, String path, String body) {
        try (HttpClientResponse response = WebClient.create()
                .post()
                .uri(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON)
                .submit(body)) {
            assertEquals(200, response.status().code(), response.as(String.class));
        }
    }

    private static void postSample(ConnectxApp app) throws IOException {
        try (HttpClientResponse response = WebClient.create()
                .post()
                .uri(URI.create("http://127.0.0.1:" + app.httpPort() + "/local/purchase-requests"))
                .header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON)
                .submit(RepositoryFiles.samplePurchaseRequest())) {
            assertEquals(200, response.status().code());
            assertTrue(response.as(String.class).contains("\"result\":\"success\""));
        }
    }

    private static String get(ConnectxApp app, String path, int expected) {
        try (HttpClientResponse response = WebClient.create()
                .get()
                .uri(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .request()) {
            String body = response.as(String.class);
            assertEquals(expected, response.status().code(), path + ": " + body);
            return body;
        }
    }
}
