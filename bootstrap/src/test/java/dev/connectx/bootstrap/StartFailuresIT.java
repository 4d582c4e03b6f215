package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/connectx} that cannot start ends at once: exit status 2 and one line naming the variable to change, no
 * stack trace, no process left listening. And the distribution holds no test tool.
 */
class StartFailuresIT {

    private static final Duration EXIT_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void a_taken_http_port_ends_the_process_within_seconds_with_status_2_and_one_line_naming_the_variable()
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String log = failedStart(
                    Map.of(
                            "CONNECTX_HTTP_PORT",
                            String.valueOf(taken.getLocalPort()),
                            "CONNECTX_MONGO_EMBEDDED_PORT",
                            String.valueOf(LoopbackPorts.free())),
                    "http-port.log");

            assertTrue(
                    log.contains("connectx cannot start: the HTTP server cannot listen on 127.0.0.1:"
                            + taken.getLocalPort()),
                    log);
            assertTrue(log.contains("Set CONNECTX_HTTP_PORT to a free port"), log);
        }
    }

    @Test
    void a_taken_embedded_mongodb_port_ends_the_process_the_same_way() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String log = failedStart(
                    Map.of(
                            "CONNECTX_HTTP_PORT",
                            String.valueOf(LoopbackPorts.free()),
                            "CONNECTX_MONGO_EMBEDDED_PORT",
                            String.valueOf(taken.getLocalPort())),
                    "mongo-port.log");

            assertTrue(
                    log.contains("connectx cannot start: the embedded MongoDB cannot listen on 127.0.0.1:"
                            + taken.getLocalPort()),
                    log);
            assertTrue(log.contains("Set CONNECTX_MONGO_EMBEDDED_PORT to a free port"), log);
        }
    }

    @Test
    void listening_on_all_addresses_without_a_token_ends_the_process_naming_connectx_api_token() throws Exception {
        String log = failedStart(
                Map.of(
                        "CONNECTX_HTTP_HOST",
                        "0.0.0.0",
                        "CONNECTX_HTTP_PORT",
                        String.valueOf(LoopbackPorts.free()),
                        "CONNECTX_MONGO_EMBEDDED_PORT",
                        String.valueOf(LoopbackPorts.free())),
                "no-token.log");

        assertTrue(log.contains("connectx cannot start: invalid configuration: CONNECTX_API_TOKEN: is required"), log);
    }

    @Test
    void the_distribution_holds_neither_the_connect_simulator_nor_the_benchmark() throws Exception {
        try (Stream<Path> jars = Files.list(ConnectxProcess.DISTRIBUTION.resolve("lib"))) {
            List<String> names = jars.map(path -> path.getFileName().toString()).toList();
            assertTrue(names.contains("bootstrap-0.1.0-SNAPSHOT.jar"), names.toString());
            assertFalse(
                    names.stream()
                            .anyMatch(name -> name.startsWith("connect-simulator")
                                    || name.startsWith("test-support")
                                    || name.startsWith("benchmark")),
                    "test tools in lib/: " + names);
        }
    }

    /** Runs the launcher, expects it to end by itself with status 2 within the limit, no stack trace; its output. */
    private String failedStart(Map<String, String> environment, String logName) throws Exception {
        Map<String, String> withData = new java.util.HashMap<>(environment);
        withData.put("CONNECTX_DATA_DIR", work.resolve("data").toString());
        long started = System.nanoTime();
        ConnectxProcess process = ConnectxProcess.start(work, ConnectxProcess.launcher(), withData, logName);
        try {
            assertTrue(process.awaitExit(EXIT_LIMIT), "the launcher ended by itself within " + EXIT_LIMIT);
        } finally {
            process.kill9();
        }
        System.out.printf(
                "%s: exited %d after %d ms%n",
                logName,
                process.exitValue(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        String log = process.log();
        assertEquals(2, process.exitValue(), log);
        assertFalse(
                log.lines().anyMatch(line -> line.startsWith("\tat ") || line.matches("^\\s+at [a-z].*")),
                "no stack trace:\n" + log);
        assertFalse(log.contains("Exception"), "no exception named:\n" + log);
        return log;
    }
}
