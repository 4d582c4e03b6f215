package dev.connectx.testing.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution ({@code target/connectx}, or the system property {@code connectx.distribution}) as a child
 * process: {@code bin/connectx} by default, or any command, with exactly the environment given (plus PATH, HOME and
 * JAVA_HOME), output to a log file in the work directory. For the tests and the benchmark, which run connectx as
 * users do.
 */
public final class ConnectxProcess {

    public static final Path DISTRIBUTION = Path.of(System.getProperty("connectx.distribution", "target/connectx"));
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final long spawned;
    private volatile Duration startTime = Duration.ZERO;

    private ConnectxProcess(Process process, Path log, long spawned) {
        this.process = process;
        this.log = log;
        this.spawned = spawned;
    }

    /** The launcher, {@code bin/connectx}, of {@link #DISTRIBUTION}. */
    public static List<String> launcher() {
        return launcher(DISTRIBUTION);
    }

    /** The launcher of a distribution folder (the one holding {@code bin/} and {@code lib/}). */
    public static List<String> launcher(Path distribution) {
        return List.of(distribution.resolve("bin/connectx").toAbsolutePath().toString());
    }

    /** Starts {@code bin/connectx} and waits until {@code /observe/health} answers 200. */
    public static ConnectxProcess startHealthy(Path work, Map<String, String> environment, String logName)
            throws IOException {
        return startHealthy(work, launcher(), environment, logName);
    }

    /** Starts {@code command} and waits until {@code /observe/health} on {@code CONNECTX_HTTP_PORT} answers 200. */
    public static ConnectxProcess startHealthy(
            Path work, List<String> command, Map<String, String> environment, String logName) throws IOException {
        ConnectxProcess started = start(work, command, environment, logName);
        started.awaitHealthy(Integer.parseInt(environment.get("CONNECTX_HTTP_PORT")));
        System.out.printf("%s: healthy %d ms after the process was spawned%n", logName, started.startTime.toMillis());
        return started;
    }

    /** Starts {@code command} without waiting for anything. */
    public static ConnectxProcess start(
            Path work, List<String> command, Map<String, String> environment, String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(logName).toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        long spawned = System.nanoTime();
        return new ConnectxProcess(builder.start(), work.resolve(logName), spawned);
    }

    private void awaitHealthy(int httpPort) throws IOException {
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/observe/health");
        long deadline = spawned + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("connectx exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (answersOk(health)) {
                startTime = Duration.ofNanos(System.nanoTime() - spawned);
                return;
            }
            Pause.millis(10);
        }
        process.destroyForcibly();
        throw new AssertionError("connectx was not healthy within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    private static boolean answersOk(URI health) {
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** From spawning the process to its first healthy answer (zero until {@code startHealthy} saw one). */
    public Duration startTime() {
        return startTime;
    }

    /** The peak resident set since the process started, in MiB (NaN where /proc cannot tell). */
    public double peakRssMib() {
        return ProcStatus.peakRssMib(process.pid());
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
}
