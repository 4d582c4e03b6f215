package dev.connectx.bootstrap.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.PurchaseRequestJson;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics the Grafana dashboard charts, read from {@code /observe/metrics} as Prometheus scrapes them: results
 * by outcome and event type, duplicates, the record latency histogram, the connection, reconnects and tasks in
 * flight. The registry is the JVM's, so counts are compared before and after.
 */
class MetricsTest {

    private static final String KEY = "ApiKey SU-111-222-333:metrics";
    private static final String PURCHASE = "event_type=\"asset_purchase_request_processing\"";

    @TempDir
    Path dataDir;

    @Test
    void a_redelivery_counts_as_a_success_and_a_duplicate_and_the_connection_is_visible() throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                ConnectxApp app = ConnectxApp.start(
                        TestConfig.config(TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01")))) {
            connect.awaitHandshakes(1, Duration.ofSeconds(20));
            String before = metrics(app);
            connect.putRequest(PurchaseRequestJson.of(
                    "PR-7100-0000-0001", "pending", "2026-12-01T10:00:00+00:00", "AS-7100-0000-0001", "PRD-1"));
            for (int delivery = 0; delivery < 2; delivery++) {
                assertEquals(
                        "success",
                        connect.awaitResult(connect.deliver("PR-7100-0000-0001"), Duration.ofSeconds(20))
                                .result());
            }
            connect.dropConnection();
            connect.awaitHandshakes(2, Duration.ofSeconds(20));
            awaitValue(app, "connectx_connect_connected", 1);
            String after = metrics(app);

            assertEquals(
                    2,
                    value(after, "connectx_events_recorded_total", PURCHASE, "result=\"success\"")
                            - value(before, "connectx_events_recorded_total", PURCHASE, "result=\"success\""));
            assertEquals(
                    1,
                    value(after, "connectx_events_duplicates_total", PURCHASE)
                            - value(before, "connectx_events_duplicates_total", PURCHASE));
            assertTrue(value(after, "connectx_connect_sessions_total") >= 2, after);
            assertEquals(0, value(after, "connectx_connect_key_refused"));
            assertEquals(0, value(after, "connectx_tasks_in_flight"));
            assertTrue(
                    value(after, "connectx_events_record_seconds_bucket", "le=\"10.0\"")
                            >= value(before, "connectx_events_record_seconds_bucket", "le=\"10.0\"") + 2,
                    "the latency histogram has buckets: " + after);
        }
    }

    @Test
    void every_metric_the_grafana_dashboard_charts_is_served() throws Exception {
        String dashboard = java.nio.file.Files.readString(
                dev.connectx.testing.support.RepositoryFiles.file("docs/grafana/connectx-dashboard.json"));
        java.util.Set<String> charted = new java.util.TreeSet<>();
        java.util.regex.Matcher names =
                java.util.regex.Pattern.compile("connectx_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            charted.add(names.group());
        }
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                ConnectxApp app = ConnectxApp.start(
                        TestConfig.config(TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01")))) {
            connect.awaitHandshakes(1, Duration.ofSeconds(20));
            String served = metrics(app);

            assertTrue(charted.size() >= 9, charted.toString());
            for (String name : charted) {
                assertTrue(
                        served.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " ")),
                        name + " is charted but not served");
            }
        }
    }

    private static void awaitValue(ConnectxApp app, String name, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (value(metrics(app), name) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, value(metrics(app), name));
    }

    /** The sample of {@code name} whose labels contain every one of {@code labels}; 0 when there is none. */
    private static double value(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private static String metrics(ConnectxApp app) {
        try (HttpClientResponse response = WebClient.create()
                .get()
                .uri(URI.create("http://127.0.0.1:" + app.httpPort() + "/observe/metrics"))
                .request()) {
            return response.as(String.class);
        }
    }
}
