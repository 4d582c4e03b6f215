package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.RequestAction;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.PurchaseRequestJson;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extensions in the whole app, against the simulated Connect: loaded from {@code CONNECTX_EXTENSIONS_DIR},
 * called after each event is stored, with their settings from the environment and from Connect's variables.
 */
class ExtensionsTest {

    private static final String KEY = "ApiKey SU-111-222-333:extensions";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REQUEST = "PR-7000-0000-0001-001";

    @TempDir
    Path work;

    private ConnectSimulator connect;
    private WebhookReceiver webhook;

    @BeforeEach
    void start() throws Exception {
        connect = ConnectSimulator.start(KEY, 0);
        connect.putRequest(
                PurchaseRequestJson.of(REQUEST, "pending", "2026-11-30T10:00:00+00:00", "AS-7000-0000-0001", "PRD-1"));
        webhook = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        webhook.close();
        connect.close();
    }

    private Map<String, String> settings(Path extensions, int mongoPort, String... more) {
        Map<String, String> settings = TestConfig.with(
                TestConfig.connected(work.resolve("data"), connect, KEY, "ENV-1234-5678-01"),
                "CONNECTX_EXTENSIONS_DIR",
                extensions.toString(),
                "CONNECTX_MONGO_EMBEDDED_PORT",
                String.valueOf(mongoPort));
        return TestConfig.with(settings, more);
    }

    private ConnectxApp started(Map<String, String> settings) {
        int before = connect.handshakes().size(); // counted first: the handshake may come before start returns
        ConnectxApp app = ConnectxApp.start(TestConfig.config(settings));
        connect.awaitHandshakes(before + 1, WAIT);
        return app;
    }

    private TaskResult deliver() {
        return connect.awaitResult(connect.deliver(REQUEST), WAIT);
    }

    @Test
    void a_pending_purchase_is_approved_exactly_once_across_a_redelivery_and_a_restart() throws Exception {
        Path extensions = SampleExtensions.directory(work, SampleExtensions.APPROVE, SampleExtensions.WEBHOOK);
        int mongoPort = LoopbackPorts.free();
        Map<String, String> settings =
                settings(extensions, mongoPort, "APPROVE_TEMPLATE_ID", "TL-111-222-333", "WEBHOOK_URL", webhook.url());

        try (ConnectxApp app = started(settings)) {
            assertEquals("success", deliver().result());
            assertEquals("success", deliver().result(), "a redelivery: Connect now serves the approved request");
            assertEquals(2, StoredEvents.count(app), "pending, then approved; each once");
            String status = get(app, "/api/status");
            assertTrue(status.contains("\"handlers\":[{\"name\":\"approve-pending\""), status);
            assertTrue(
                    status.contains("{\"name\":\"event-webhook\",\"origin\":\"module com.example.connectx.webhook"),
                    status);
        }
        try (ConnectxApp restarted = started(settings)) {
            assertEquals("success", deliver().result());
            assertEquals(2, StoredEvents.count(restarted));
        }

        assertEquals(
                List.of(new RequestAction(REQUEST, "approve", "{\"template_id\":\"TL-111-222-333\"}")),
                connect.requestActions());
        List<String> lines = webhook.lines();
        assertEquals(3, lines.size(), "the webhook runs after the approval, for every event: " + lines);
        assertTrue(
                lines.get(0).contains("\"status\":\"pending\"") && lines.get(0).endsWith("\"repeat\":false}"));
        assertTrue(
                lines.get(1).contains("\"status\":\"approved\"") && lines.get(1).endsWith("\"repeat\":false}"));
        assertTrue(
                lines.get(2).contains("\"status\":\"approved\"") && lines.get(2).endsWith("\"repeat\":true}"));
    }

    @Test
    void a_template_set_later_in_the_portal_approves_on_the_next_delivery_of_the_stored_event() throws Exception {
        Path extensions = SampleExtensions.directory(work, SampleExtensions.APPROVE);
        try (ConnectxApp app = started(settings(extensions, 0))) {
            TaskResult first = deliver();
            assertEquals("retry", first.result());
            assertEquals("handler approve-pending: APPROVE_TEMPLATE_ID is not set", first.message());
            assertEquals(1, StoredEvents.count(app), "stored before the handler ran");

            connect.pushVariables(Map.of("APPROVE_TEMPLATE_ID", "TL-999"));
            TaskResult later = deliverUntil("success");

            assertEquals(1, StoredEvents.count(app), "the repeat is not stored again");
            assertEquals(
                    List.of(new RequestAction(REQUEST, "approve", "{\"template_id\":\"TL-999\"}")),
                    connect.requestActions());
            assertEquals("success", later.result());
        }
    }

    @Test
    void a_handler_that_throws_makes_the_task_retry_and_the_event_stays_stored_once() throws Exception {
        Path extensions = SampleExtensions.directory(work, SampleExtensions.WEBHOOK);
        String nowhere = "http://127.0.0.1:" + LoopbackPorts.free() + "/hook";
        try (ConnectxApp app = started(settings(extensions, 0, "WEBHOOK_URL", nowhere))) {
            TaskResult failed = deliver();
            TaskResult again = deliver();

            assertEquals("retry", failed.result());
            assertTrue(
                    failed.message().startsWith("handler event-webhook: threw java.net.ConnectException"),
                    failed.message());
            assertEquals("retry", again.result());
            assertEquals(1, StoredEvents.count(app));
            String status = get(app, "/api/status");
            assertTrue(
                    status.contains("\"calls\":2,\"done\":0,\"retry\":0,\"fail\":0,\"error\":2,\"timeout\":0"), status);
            assertTrue(get(app, "/").contains("<table id=\"handlers\">"));
            assertTrue(
                    get(app, "/observe/metrics")
                            .lines()
                            .anyMatch(line -> line.startsWith("connectx_handler_calls_total{")
                                    && line.contains("handler=\"event-webhook\"")
                                    && line.contains("result=\"error\"")
                                    && line.endsWith(" 2.0")),
                    "two errors counted");

            connect.pushVariables(Map.of("WEBHOOK_URL", webhook.url()));
            assertEquals("success", deliverUntil("success").result());
            assertEquals(1, StoredEvents.count(app));
            assertTrue(
                    webhook.lines().getLast().endsWith("\"repeat\":true}"),
                    webhook.lines().toString());
        }
    }

    @Test
    void a_jar_that_is_no_module_stops_the_start_saying_why() throws Exception {
        Path extensions = Files.createDirectories(work.resolve("extensions"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(extensions.resolve("plain-1.0.jar")))) {
            jar.putNextEntry(new ZipEntry("com/example/Plain.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        }

        StartupException refused = assertThrows(
                StartupException.class, () -> ConnectxApp.start(TestConfig.config(settings(extensions, 0))));

        assertTrue(
                refused.getMessage()
                        .startsWith("CONNECTX_EXTENSIONS_DIR: not modules (no module-info.class): module plain"),
                refused.getMessage());
    }

    private TaskResult deliverUntil(String wanted) {
        TaskResult result = null;
        for (int attempt = 0;
                attempt < 20 && (result == null || !result.result().equals(wanted));
                attempt++) {
            result = deliver();
        }
        return result;
    }

    private static String get(ConnectxApp app, String path) {
        try (HttpClientResponse response = WebClient.builder()
                .baseUri("http://127.0.0.1:" + app.httpPort())
                .build()
                .get(path)
                .request()) {
            return response.as(String.class);
        }
    }
}
