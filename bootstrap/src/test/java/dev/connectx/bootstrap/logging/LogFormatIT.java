package dev.connectx.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/connectx} with {@code CONNECTX_LOG_FORMAT=json}: every line of its output, start to stop, is one JSON
 * object with time, level, logger and message; a status page left open adds no warning; the proxy variables are read
 * in lower case from the environment and their password never printed.
 */
class LogFormatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void every_line_is_a_json_object_and_an_open_status_page_adds_no_warning() throws Exception {
        int httpPort = LoopbackPorts.free();
        ConnectxProcess process = ConnectxProcess.startHealthy(
                work,
                Map.of(
                        "CONNECTX_HTTP_PORT",
                        String.valueOf(httpPort),
                        "CONNECTX_MONGO_EMBEDDED_PORT",
                        String.valueOf(LoopbackPorts.free()),
                        "CONNECTX_DATA_DIR",
                        work.resolve("data").toString(),
                        "CONNECTX_LOG_FORMAT",
                        "json",
                        "LOG_LEVEL",
                        "debug",
                        "https_proxy",
                        "http://ops:pr0xy-s3cret@127.0.0.1:9"),
                "json.log");
        int exit;
        try {
            WebClient client =
                    WebClient.builder().baseUri("http://127.0.0.1:" + httpPort).build();
            String sample = Files.readString(RepositoryFiles.file("samples/purchase-request.json"));
            try (HttpClientResponse posted = client.post("/local/purchase-requests")
                    .header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json")
                    .submit(sample)) {
                assertTrue(posted.as(String.class).contains("\"result\":\"success\""));
            }
            for (int refresh = 0; refresh < 5; refresh++) {
                try (HttpClientResponse status = client.get("/api/status").request()) {
                    assertEquals(200, status.status().code());
                }
                try (HttpClientResponse page = client.get("/").request()) {
                    assertEquals(200, page.status().code());
                }
            }
        } finally {
            exit = process.terminate();
        }

        List<JsonNode> records = new ArrayList<>();
        for (String line : process.log().lines().toList()) {
            if (line.startsWith("WARNING: ") || line.matches("\\[\\d+\\.\\d+s]\\[.*") || line.isBlank()) {
                continue; // the JVM's own notes on stderr (restricted methods, its AOT cache), not log records
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (java.io.IOException e) {
                throw new AssertionError("not a JSON object: " + line, e);
            }
            assertTrue(record.isObject(), line);
            for (String field : List.of("time", "level", "logger", "message")) {
                assertTrue(record.hasNonNull(field), field + " in " + line);
            }
            records.add(record);
        }
        String log = process.log();
        assertTrue(records.size() > 5, log);
        assertTrue(
                records.stream().anyMatch(r -> r.path("message").asText().matches("connectx \\S+ starting, Java .*")),
                log);
        assertTrue(
                records.stream()
                        .allMatch(r ->
                                Set.of("DEBUG", "INFO").contains(r.path("level").asText())),
                "no warning or error: " + log);
        assertTrue(log.contains("https via http://ops:****@127.0.0.1:9"), log);
        assertFalse(log.contains("pr0xy-s3cret"));
        assertEquals(0, exit, "SIGTERM after a clean stop exits 0");
    }
}
