package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RepositoryFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches {@code bin/connectx}'s log from hostile input: Connect objects with control characters in keys and
 * values, odd object ids, and bad read-API parameters. The log keeps one line per record (no raw control
 * character but the line ends and a trace's tabs), and bad client input costs no log line at all.
 */
class LogHygieneIT {

    private static final String KEY = "ApiKey SU-777-888-999:log-hygiene";
    private static final String FORGED =
            "\n2026-12-01T00:00:00.000 SEVERE forged: \u001b[31mALERT\u001b[0m\r\u0000\u2028";

    @TempDir
    Path work;

    @Test
    void control_characters_from_connect_and_from_requests_never_reach_the_log_raw() throws Exception {
        String sample = Files.readString(Path.of(System.getProperty(
                "connectx.sample",
                RepositoryFiles.file("samples/purchase-request.json").toString())));
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            int httpPort = LoopbackPorts.free();
            Map<String, String> environment = new HashMap<>(Map.of(
                    "CONNECTX_HTTP_PORT",
                    String.valueOf(httpPort),
                    "CONNECTX_MONGO_EMBEDDED_PORT",
                    String.valueOf(LoopbackPorts.free()),
                    "CONNECTX_DATA_DIR",
                    work.resolve("data").toString(),
                    "API_KEY",
                    KEY,
                    "ENVIRONMENT_ID",
                    "ENV-1234-5678-01",
                    "SERVER_ADDRESS",
                    connect.serverAddress(),
                    "API_ADDRESS",
                    connect.apiAddress()));
            ConnectxProcess process = ConnectxProcess.startHealthy(work, environment, "hygiene.log");
            try {
                connect.awaitHandshakes(1, Duration.ofSeconds(30));
                String nulKey = sample.replace("PR-5571-0393-2216-001", "PR-7000-0000-0000-001")
                        .replace(
                                "\"type\": \"purchase\"",
                                "\"type\": \"purchase\", \"a\\u0000" + escapeJson(FORGED) + "\": 1");
                connect.putRawRequest("PR-7000-0000-0000-001", nulKey);
                connect.putRawRequest(
                        "PR-7000-0000-0000-002",
                        "{\"id\": \"PR-7000-0000-0000-002\", \"status\": \"" + escapeJson(FORGED)
                                + "\", \"updated\": \"2023-01-18T10:02:13+00:00\", \"asset\": {\"id\": \"AS-1\", \"product\": {\"id\": \"PRD-1\"}}}");
                List<String> tasks = List.of(
                        connect.deliver("PR-7000-0000-0000-001"),
                        connect.deliver("PR-7000-0000-0000-002"),
                        connect.deliver("asset_purchase_request_processing", "PR-1" + FORGED));
                for (String task : tasks) {
                    assertEquals(
                            "fail",
                            connect.awaitResult(task, Duration.ofSeconds(30)).result());
                }

                long linesBefore = process.log().lines().count();
                for (int i = 0; i < 100; i++) {
                    assertEquals(
                            400,
                            RawHttp.exchange(httpPort, "GET", "/api/events?since=%2B999999999-12-31T23:59:59Z", null)
                                    .status());
                    String cursor = Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString("PR-1/pending/+999999999-12-31T23:59:59Z".getBytes(StandardCharsets.UTF_8));
                    assertEquals(
                            400,
                            RawHttp.exchange(httpPort, "GET", "/api/events?after=" + cursor, null)
                                    .status());
                    assertEquals(
                            400,
                            RawHttp.exchange(httpPort, "GET", "/api/events?limit=%1B%5B31m", null)
                                    .status());
                }
                long added = process.log().lines().count() - linesBefore;
                assertTrue(added < 5, "300 bad requests added " + added + " log lines");
            } finally {
                process.terminate();
            }
            String log = process.log();
            assertTrue(log.contains("\\u001b[31mALERT"), "the forged text is in the log, escaped: " + log);
            assertFalse(log.contains("\nforged") || log.contains("\n2026-12-01T00:00:00.000 SEVERE forged"), log);
            assertFalse(
                    log.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c == 0x2028),
                    "a raw control character");
        }
    }

    private static String escapeJson(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
