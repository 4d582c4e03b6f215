package dev.connectx.benchmark;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code bin/connectx} as users run it, a child process connected to the simulator, on its own embedded MongoDB. */
final class AppUnderTest implements AutoCloseable {

    static final String DATA_API_KEY = "bench-data-api-key";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final ConnectxProcess process;
    private final int mongoPort;
    private final int httpPort;

    private AppUnderTest(ConnectxProcess process, int mongoPort, int httpPort) {
        this.process = process;
        this.mongoPort = mongoPort;
        this.httpPort = httpPort;
    }

    /** Starts connectx with the storage adapter ({@code driver} or {@code http}) and waits until it is healthy and connected. */
    static AppUnderTest start(Path distribution, String adapter, ConnectSimulator connect, Path work, String javaOpts)
            throws IOException {
        return start(distribution, adapter, connect, work, javaOpts, Map.of());
    }

    /** As {@link #start(Path, String, ConnectSimulator, Path, String)}, with more environment variables. */
    static AppUnderTest start(
            Path distribution,
            String adapter,
            ConnectSimulator connect,
            Path work,
            String javaOpts,
            Map<String, String> more)
            throws IOException {
        java.nio.file.Files.createDirectories(work);
        int httpPort = LoopbackPorts.free();
        int mongoPort = LoopbackPorts.free();
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
            environment.putAll(Map.of(
                    "CONNECTX_DATA_API_SERVER",
                    "true",
                    "DATA_API_KEYS",
                    DATA_API_KEY,
                    "DATA_API_KEY",
                    DATA_API_KEY,
                    "DATA_API_ENDPOINT",
                    "http://127.0.0.1:" + httpPort + "/app/connectx/endpoint/data/v1"));
        }
        if (javaOpts != null) {
            environment.put("JAVA_OPTS", javaOpts);
        }
        environment.putAll(more);
        int handshakes = connect.handshakes().size();
        ConnectxProcess process = ConnectxProcess.startHealthy(
                work, ConnectxProcess.launcher(distribution), environment, "connectx-" + adapter + ".log");
        AppUnderTest app = new AppUnderTest(process, mongoPort, httpPort);
        connect.awaitHandshakes(handshakes + 1, START_LIMIT);
        return app;
    }

    int httpPort() {
        return httpPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    double startSeconds() {
        return process.startTime().toNanos() / 1e9;
    }

    /** The process's peak resident set (VmHWM), in MiB; NaN where /proc is missing. */
    long pid() {
        return process.pid();
    }

    double peakRssMib() {
        return process.peakRssMib();
    }

    @Override
    public void close() throws InterruptedException {
        process.terminate();
    }
}
