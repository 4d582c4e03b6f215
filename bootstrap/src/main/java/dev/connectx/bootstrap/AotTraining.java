package dev.connectx.bootstrap;

import dev.connectx.bootstrap.config.SettingKey;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for the JDK's ahead-of-time cache (JEP 483/514): starts connectx on free ports with a
 * throw-away data directory, sends it the requests a real start-up sees, and stops. The build runs it with
 * {@code -XX:AOTCacheOutput}; the launcher then starts with the cache, loading and linking those classes from it.
 */
final class AotTraining {

    private static final String REQUEST = """
            {"id":"PR-0000-0000-0000-001","type":"purchase","status":"pending","updated":"2023-01-18T10:02:13+00:00",\
            "asset":{"id":"AS-0000-0000-0000","product":{"id":"PRD-000-000-000"},"items":[{"quantity":"5"}]}}""";

    private AotTraining() {}

    /**
     * Runs the training with each storage adapter (driver, then the HTTP path over loopback), then writes the JDK it
     * ran on to {@code stamp}, which the launcher compares with its own.
     */
    static void run(Path stamp) throws IOException {
        train(Map.of());
        train(Map.of(SettingKey.STORAGE_ADAPTER.name(), "http"));
        Files.writeString(stamp, Path.of(System.getProperty("java.home")).toRealPath() + "\n");
    }

    private static void train(Map<String, String> settings) throws IOException {
        Path dataDir = Files.createTempDirectory("connectx-aot-training");
        try {
            Map<String, String> values = new HashMap<>(Map.of(
                    SettingKey.CONNECTX_HTTP_PORT.name(), "0",
                    SettingKey.CONNECTX_MONGO_EMBEDDED_PORT.name(), "0",
                    SettingKey.CONNECTX_DATA_DIR.name(), dataDir.toString()));
            values.putAll(settings);
            Config config = Config.builder()
                    .addSource(ConfigSources.create(values))
                    .addSource(ConfigSources.classpath("application.yaml"))
                    .build();
            try (ConnectxApp app = ConnectxApp.start(config)) {
                int port = app.httpPort();
                expect(200, exchange(port, "GET", "/observe/health", null));
                expect(200, exchange(port, "POST", "/local/purchase-requests", REQUEST));
                expect(200, exchange(port, "POST", "/local/purchase-requests", REQUEST));
                expect(400, exchange(port, "POST", "/local/purchase-requests", "{\"id\":\"PR-1\"}"));
                expect(200, exchange(port, "GET", "/observe/metrics", null));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void expect(int status, int actual) {
        if (status != actual) {
            throw new IllegalStateException("training request answered " + actual + ", expected " + status);
        }
    }

    /** One HTTP/1.1 exchange over a plain socket; returns the status code, read from the status line. */
    private static int exchange(int port, String method, String path, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            in.readNBytes(in.available()); // let the server finish writing; the socket closes with this block
            String[] parts = statusLine.toString().split(" ");
            return Integer.parseInt(parts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
