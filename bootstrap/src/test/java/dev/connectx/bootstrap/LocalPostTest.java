package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RepositoryFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connectx post FILE} against a running connectx that wants its token: stored once, then already stored. */
class LocalPostTest {

    private static final String TOKEN = "local-post-token-0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void a_file_and_standard_input_are_posted_with_the_token_and_a_wrong_token_is_refused() throws Exception {
        try (ConnectxApp app = ConnectxApp.start(
                TestConfig.config(TestConfig.with(TestConfig.local(dataDir), "CONNECTX_API_TOKEN", TOKEN)))) {
            Map<String, String> environment =
                    Map.of("CONNECTX_HTTP_PORT", String.valueOf(app.httpPort()), "CONNECTX_API_TOKEN", TOKEN);
            Path sample = RepositoryFiles.file("samples/purchase-request.json");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int fromFile = LocalPost.post(sample.toString(), environment, System.in, new PrintStream(printed, true));
            int fromStdin = LocalPost.post(
                    "-",
                    environment,
                    new ByteArrayInputStream(java.nio.file.Files.readAllBytes(sample)),
                    new PrintStream(printed, true));
            int wrongToken = LocalPost.post(
                    sample.toString(),
                    Map.of("CONNECTX_HTTP_PORT", String.valueOf(app.httpPort()), "CONNECTX_API_TOKEN", "x".repeat(32)),
                    System.in,
                    new PrintStream(printed, true));

            String text = printed.toString(StandardCharsets.UTF_8);
            assertEquals(0, fromFile, text);
            assertEquals(0, fromStdin, text);
            assertEquals(1, wrongToken, text);
            assertTrue(text.contains("\"result\":\"success\",\"message\":\"stored PR-5571-0393-2216-001"), text);
            assertTrue(text.contains("already stored"), text);
            assertTrue(text.contains("401 "), text);
            assertEquals(1, StoredEvents.count(app));
        }
    }
}
