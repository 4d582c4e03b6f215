package dev.connectx.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code connectx post FILE}: posts a request's JSON (a file, or {@code -} for standard input) to the local delivery
 * of the connectx running on this host ({@code CONNECTX_HTTP_PORT}, with {@code CONNECTX_API_TOKEN}, or the token in
 * {@code CONNECTX_API_TOKEN_FILE}, when set), and
 * prints its answer. For a container, whose local delivery answers its own loopback only and whose image has no curl:
 * {@code docker compose exec connectx_dev /opt/connectx/bin/connectx post - < samples/purchase-request.json}.
 */
final class LocalPost {

    /** The most read from the file: local delivery refuses larger bodies anyway. */
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private LocalPost() {}

    /** The exit status: 0 when connectx stored or already held the request, 1 otherwise. */
    static int post(String file, Map<String, String> environment, InputStream stdin, PrintStream out) {
        byte[] body;
        try (InputStream in = file.equals("-") ? stdin : Files.newInputStream(Path.of(file))) {
            body = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            out.println("connectx post: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        if (body.length > MAX_BYTES) {
            out.println("connectx post: " + file + " is over " + MAX_BYTES + " bytes");
            return 1;
        }
        String port = environment.getOrDefault("CONNECTX_HTTP_PORT", "8080");
        URI uri = URI.create("http://127.0.0.1:" + port + "/local/requests");
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(60_000);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            String token = environment.get("CONNECTX_API_TOKEN");
            String tokenFile = environment.get("CONNECTX_API_TOKEN_FILE");
            if ((token == null || token.isBlank()) && tokenFile != null && Files.isReadable(Path.of(tokenFile))) {
                token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8);
            }
            if (token != null && !token.isBlank()) {
                connection.setRequestProperty("Authorization", "Bearer " + token.strip());
            }
            try (OutputStream request = connection.getOutputStream()) {
                request.write(body);
            }
            int status = connection.getResponseCode();
            InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
            out.println(status + " " + text.strip());
            return status / 100 == 2 ? 0 : 1;
        } catch (IOException e) {
            out.println("connectx post: " + uri + " did not answer: " + e.getMessage());
            return 1;
        }
    }
}
