package dev.connectx.bootstrap.faults;

import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built launcher ({@code target/connectx/bin/connectx}) as a child process with its own environment. */
final class ConnectxProcess {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("connectx.distribution", "target/connectx"));
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int httpPort;

    private ConnectxProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts {@code bin/connectx} in {@code work} with exactly {@code environment} (plus JAVA_HOME) and waits until healthy. */
    static ConnectxProcess startHealthy(Path work, Map<String, String> environment, String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(DISTRIBUTION.resolve("bin/connectx").toAbsolutePath().toString()))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        ConnectxProcess started = new ConnectxProcess(builder.start(), work.resolve(logName), Integer.parseInt(environment.get("CONNECTX_HTTP_PORT")));
        started.awaitHealthy();
        return started;
    }

    private void awaitHealthy() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        WebClient client = WebClient.builder().baseUri("http://127.0.0.1:" + httpPort).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("connectx exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (HttpClientResponse health = client.get("/observe/health").request()) {
                if (health.status().code() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // keep polling
            }
            FaultEvents.pause(50);
        }
        process.destroyForcibly();
        throw new AssertionError("connectx was not healthy within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook runs, nothing is drained. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the exit. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("connectx did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }
}
