package dev.connectx.benchmark;

import dev.connectx.simulator.ConnectSimulator;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/connectx} as users run it, a child process connected to the simulator, on its own embedded MongoDB. */
final class AppUnderTest implements AutoCloseable {

    static final String DATA_API_KEY = "bench-data-api-key";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int mongoPort;
    private final double startSeconds;

    private AppUnderTest(Process process, Path log, int httpPort, int mongoPort, double startSeconds) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.mongoPort = mongoPort;
        this.startSeconds = startSeconds;
    }

    /** Starts connectx with the storage adapter ({@code driver} or {@code http}) and waits until it is healthy and connected. */
    static AppUnderTest start(Path distribution, String adapter, ConnectSimulator connect, Path work, String javaOpts) throws IOException {
        int httpPort = freePort();
        int mongoPort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "CONNECTX_HTTP_PORT", String.valueOf(httpPort),
                "CONNECTX_MONGO_EMBEDDED_PORT", String.valueOf(mongoPort),
                "CONNECTX_DATA_DIR", work.resolve("data-" + adapter).toString(),
                "API_KEY", Bench.CONNECT_KEY,
                "ENVIRONMENT_ID", "ENV-0000-0000-01",
                "SERVER_ADDRESS", connect.serverAddress(),
                "API_ADDRESS", connect.apiAddress(),
                "STORAGE_ADAPTER", adapter));
        if (adapter.equals("http")) {
            environment.putAll(Map.of("CONNECTX_DATA_API_SERVER", "true", "DATA_API_KEYS", DATA_API_KEY, "DATA_API_KEY", DATA_API_KEY,
                    "DATA_API_ENDPOINT", "http://127.0.0.1:" + httpPort + "/app/connectx/endpoint/data/v1"));
        }
        if (javaOpts != null) {
            environment.put("JAVA_OPTS", javaOpts);
        }
        Path log = work.resolve("connectx-" + adapter + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(distribution.resolve("bin/connectx").toAbsolutePath().toString()))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> !List.of("PATH", "HOME", "JAVA_HOME").contains(name));
        if (!builder.environment().containsKey("JAVA_HOME")) {
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }
        builder.environment().putAll(environment);
        int handshakes = connect.handshakes().size();
        long spawned = System.nanoTime();
        Process process = builder.start();
        double startSeconds = awaitHealthy(process, httpPort, log, spawned);
        AppUnderTest app = new AppUnderTest(process, log, httpPort, mongoPort, startSeconds);
        connect.awaitHandshakes(handshakes + 1, START_LIMIT);
        return app;
    }

    private static double awaitHealthy(Process process, int httpPort, Path log, long spawned) throws IOException {
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/observe/health");
        while (System.nanoTime() - spawned < START_LIMIT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("connectx exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return (System.nanoTime() - spawned) / 1e9;
                }
            } catch (IOException notYet) {
                // keep polling
            }
            sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("connectx was not healthy within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    double startSeconds() {
        return startSeconds;
    }

    /** The process's peak resident set (VmHWM), in MiB; NaN where /proc is missing. */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
