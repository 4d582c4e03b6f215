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
import java.time.Duration;
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

    /** Tasks per adapter: enough for the JIT to profile and compile the event path before the cache is written. */
    private static final int TASKS = 3000;

    private AotTraining() {}

    /**
     * Runs the training with each storage adapter (driver, then the HTTP path over loopback), then writes the JDK it
     * ran on to {@code stamp}, which the launcher compares with its own.
     */
    static void run(Path stamp) throws IOException, InterruptedException {
        for (String adapter : new String[] {"driver", "http"}) {
            train(Map.of(SettingKey.STORAGE_ADAPTER.name(), adapter));
            try (AotTrainingPeer connect = AotTrainingPeer.start(TASKS)) {
                Map<String, String> settings = new HashMap<>(Map.of(
                        SettingKey.STORAGE_ADAPTER.name(),
                        adapter,
                        "API_KEY",
                        "ApiKey SU-000-000-000:aot-training",
                        "ENVIRONMENT_ID",
                        "ENV-0000-0000-01",
                        "SERVER_ADDRESS",
                        connect.webSocketAddress(),
                        "API_ADDRESS",
                        connect.apiAddress()));
                if (adapter.equals("http")) {
                    settings.putAll(ownDataApi());
                }
                trainWithConnect(settings, connect);
            }
        }
        Files.writeString(stamp, Path.of(System.getProperty("java.home")).toRealPath() + "\n");
    }

    /**
     * Runs connectx as a Connect extension against {@link AotTrainingPeer} until it has answered every task: the
     * WebSocket, the REST calls and the store, the path of every event in production.
     */
    private static void trainWithConnect(Map<String, String> settings, AotTrainingPeer connect)
            throws IOException, InterruptedException {
        withApp(settings, app -> {
            connect.awaitAnswers(Duration.ofMinutes(5));
            expect(200, exchange(app.httpPort(), "GET", "/", null));
        });
    }

    /** The HTTP adapter against connectx's own Data API server, as an extension would run it: a port known first. */
    private static Map<String, String> ownDataApi() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        return Map.of(
                SettingKey.CONNECTX_HTTP_PORT.name(), String.valueOf(port),
                SettingKey.CONNECTX_DATA_API_SERVER.name(), "true",
                SettingKey.DATA_API_KEYS.name(), "aot-training",
                SettingKey.DATA_API_KEY.name(), "aot-training",
                SettingKey.DATA_API_ENDPOINT.name(), "http://127.0.0.1:" + port + "/app/connectx/endpoint/data/v1");
    }

    /** A purchase request of the training, as the peer's REST API serves it. */
    static String request(String id) {
        return REQUEST.replace("PR-0000-0000-0000-001", id);
    }

    private static void train(Map<String, String> settings) throws IOException, InterruptedException {
        withApp(settings, app -> {
            int port = app.httpPort();
            expect(200, exchange(port, "GET", "/observe/health", null));
            expect(200, exchange(port, "POST", "/local/purchase-requests", REQUEST));
            expect(200, exchange(port, "POST", "/local/purchase-requests", REQUEST));
            expect(400, exchange(port, "POST", "/local/purchase-requests", "{\"id\":\"PR-1\"}"));
            expect(200, exchange(port, "GET", "/observe/metrics", null));
        });
    }

    /** What a training does with the running app. */
    private interface Training {
        void run(ConnectxApp app) throws IOException, InterruptedException;
    }

    /** Starts connectx with these settings on free ports and a throw-away data directory, trains it, stops it. */
    private static void withApp(Map<String, String> settings, Training training)
            throws IOException, InterruptedException {
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
                training.run(app);
            }
        } finally {
            delete(dataDir);
        }
    }

    private static void delete(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
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
