package dev.connectx.bootstrap;

import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution ({@code target/connectx}) as a child process: {@code bin/connectx} by default, or any
 * command, with exactly the environment given (plus PATH, HOME and JAVA_HOME), output to a log file in the work
 * directory. For the tests that run connectx as users do.
 */
public final class ConnectxProcess {

    public static final Path DISTRIBUTION = Path.of(System.getProperty("connectx.distribution", "target/connectx"));
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;

    private ConnectxProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The launcher, {@code bin/connectx}. */
    public static List<String> launcher() {
        return List.of(DISTRIBUTION.resolve("bin/connectx").toAbsolutePath().toString());
    }

    /** Starts {@code bin/connectx} and waits until {@code /observe/health} answers 200. */
    public static ConnectxProcess startHealthy(Path work, Map<String, String> environment, String logName) throws IOException {
        return startHealthy(work, launcher(), environment, logName);
    }

    /** Starts {@code command} and waits until {@code /observe/health} on {@code CONNECTX_HTTP_PORT} answers 200. */
    public static ConnectxProcess startHealthy(Path work, List<String> command, Map<String, String> environment, String logName)
            throws IOException {
        long spawned = System.nanoTime();
        ConnectxProcess started = start(work, command, environment, logName);
        started.awaitHealthy(Integer.parseInt(environment.get("CONNECTX_HTTP_PORT")));
        System.out.printf("%s: healthy %d ms after the process was spawned%n", logName, Duration.ofNanos(System.nanoTime() - spawned).toMillis());
        return started;
    }

    /** Starts {@code command} without waiting for anything. */
    public static ConnectxProcess start(Path work, List<String> command, Map<String, String> environment, String logName)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return new ConnectxProcess(builder.start(), work.resolve(logName));
    }

    private void awaitHealthy(int httpPort) throws IOException {
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
            sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("connectx was not healthy within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    /** Waits for the process to end by itself; true when it did within the limit. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The process id (the launcher execs the JVM, so it is the JVM's). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is drained. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the exit; the exit status. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("connectx did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
