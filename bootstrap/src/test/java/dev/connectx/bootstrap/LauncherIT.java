package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The built distribution ({@code target/connectx}) run as users run it: {@code bin/connectx} on the module path,
 * and the bootstrap jar with {@code java -jar}. Runs in the integration-test phase, after packaging.
 */
class LauncherIT {

    private static final Path SAMPLE = Path.of(System.getProperty(
            "connectx.sample",
            RepositoryFiles.file("samples/purchase-request.json").toString()));
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void the_launcher_runs_on_the_module_path_stores_the_sample_once_keeps_it_and_stops_on_sigterm() throws Exception {
        int httpPort = LoopbackPorts.free();
        int mongoPort = LoopbackPorts.free();

        ConnectxProcess first = ConnectxProcess.startHealthy(work, environment(httpPort, mongoPort), "first.log");
        List<String> jvmOptions = List.of(
                Files.readString(Path.of("/proc/" + first.pid() + "/cmdline")).split("\0"));
        // the launcher's memory defaults: half of what the process may use, at most 192 MiB, on this machine 192
        long memoryMiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                        .filter(line -> line.startsWith("MemTotal:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                        .findFirst()
                        .orElseThrow()
                / 1024;
        Path cgroupLimit = Path.of("/sys/fs/cgroup/memory.max");
        if (Files.isReadable(cgroupLimit)
                && Files.readString(cgroupLimit).strip().matches("\\d+")) {
            memoryMiB = Math.min(
                    memoryMiB, Long.parseLong(Files.readString(cgroupLimit).strip()) / (1024 * 1024));
        }
        assertTrue(
                jvmOptions.contains("-Xmx" + Math.max(64, Math.min(192, memoryMiB / 2)) + "m"), jvmOptions.toString());
        assertTrue(jvmOptions.contains("-Xms16m"), jvmOptions.toString());
        assertTrue(jvmOptions.contains("-XX:+UseSerialGC"), jvmOptions.toString());
        assertTrue(jvmOptions.contains("-Dio.netty.allocator.maxOrder=7"), jvmOptions.toString());
        assertTrue(jvmOptions.contains("-XX:+ExitOnOutOfMemoryError"), jvmOptions.toString());
        String sample = Files.readString(SAMPLE);
        assertTrue(post(httpPort, sample).contains("\"result\":\"success\""));
        assertTrue(post(httpPort, sample).contains("\"result\":\"success\""));
        assertEquals(1, countDocuments(mongoPort));
        assertEquals(0, first.terminate(), "exit status after SIGTERM and a clean stop");
        String log = first.log();
        assertTrue(log.contains("on the module path"), log);
        assertTrue(log.contains("connectx stopped"), "stop logged: " + log);

        ConnectxProcess second = ConnectxProcess.startHealthy(work, environment(httpPort, mongoPort), "second.log");
        assertEquals(1, countDocuments(mongoPort), "the document survived the restart");
        assertTrue(post(httpPort, sample).contains("\"result\":\"success\""));
        assertEquals(1, countDocuments(mongoPort), "posting again stored nothing more");
        second.terminate();
    }

    @Test
    void the_bootstrap_jar_runs_with_java_jar_on_the_class_path() throws Exception {
        int httpPort = LoopbackPorts.free();
        Path jar = single(ConnectxProcess.DISTRIBUTION.resolve("lib"), "bootstrap-*.jar");
        List<String> command =
                List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString());

        ConnectxProcess running =
                ConnectxProcess.startHealthy(work, command, environment(httpPort, LoopbackPorts.free()), "jar.log");
        assertTrue(post(httpPort, Files.readString(SAMPLE)).contains("\"result\":\"success\""));
        running.terminate();

        assertTrue(running.log().contains("on the class path"), running.log());
    }

    @Test
    void as_a_connect_extension_the_launcher_stores_what_connect_sends_and_exits_0_on_shutdown() throws Exception {
        String key = "ApiKey SU-555-666-777:launcher-test-secret";
        try (ConnectSimulator connect = ConnectSimulator.start(key, 0)) {
            Map<String, String> environment = new HashMap<>(environment(LoopbackPorts.free(), LoopbackPorts.free()));
            environment.putAll(TestConfig.connectTo(connect, key, "ENV-1234-5678-01"));
            ConnectxProcess process =
                    ConnectxProcess.start(work, ConnectxProcess.launcher(), environment, "connect.log");
            try {
                connect.awaitHandshakes(1, START_LIMIT);
                connect.putRequest(Files.readString(SAMPLE));
                assertEquals(
                        "success",
                        connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), Duration.ofSeconds(30))
                                .result());

                connect.sendShutdown();

                assertTrue(process.awaitExit(Duration.ofSeconds(30)), "connectx ended by itself");
                assertEquals(0, process.exitValue());
            } finally {
                process.kill9();
            }
            String log = process.log();
            assertTrue(log.contains("BackgroundEventsWorker connected to ws://127.0.0.1:" + connect.port()), log);
            assertTrue(log.contains("BackgroundEventsWorker: shutting down..."), log);
            assertTrue(log.contains("connectx stopped"), log);
            assertFalse(log.contains("launcher-test-secret"), "the token is never logged");
        }
    }

    @Test
    void a_taken_embedded_port_ends_the_launcher_with_status_2_and_says_what_to_set() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConnectxProcess process = ConnectxProcess.start(
                    work,
                    ConnectxProcess.launcher(),
                    environment(LoopbackPorts.free(), taken.getLocalPort()),
                    "taken.log");

            assertTrue(process.awaitExit(START_LIMIT), "the launcher ended by itself");
            assertEquals(2, process.exitValue());
            String log = process.log();
            assertTrue(log.contains("connectx cannot start") && log.contains("CONNECTX_MONGO_EMBEDDED_PORT"), log);
        }
    }

    @Test
    void version_and_help_print_and_exit_0_and_unknown_arguments_exit_2_without_starting() throws Exception {
        List<String> launcher = ConnectxProcess.launcher();
        Map<String, String> environment = environment(LoopbackPorts.free(), LoopbackPorts.free());
        ConnectxProcess version = ConnectxProcess.start(work, with(launcher, "--version"), environment, "version.log");
        assertTrue(version.awaitExit(START_LIMIT));
        assertEquals(0, version.exitValue());
        assertTrue(
                version.log().lines().anyMatch(line -> line.matches("connectx \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")),
                version.log());

        ConnectxProcess help = ConnectxProcess.start(work, with(launcher, "--help"), environment, "help.log");
        assertTrue(help.awaitExit(START_LIMIT));
        assertEquals(0, help.exitValue());
        assertTrue(help.log().contains("CONNECTX_BACKFILL_SINCE") && help.log().contains("default 8080"), help.log());

        ConnectxProcess unknown = ConnectxProcess.start(work, with(launcher, "--serve"), environment, "unknown.log");
        assertTrue(unknown.awaitExit(START_LIMIT));
        assertEquals(2, unknown.exitValue());
        assertTrue(unknown.log().contains("usage: connectx"), unknown.log());
        assertTrue(!Files.exists(work.resolve("data")), "nothing was started");
    }

    private static List<String> with(List<String> command, String argument) {
        List<String> all = new java.util.ArrayList<>(command);
        all.add(argument);
        return all;
    }

    /** Local mode on the given ports, data in the work directory. */
    private Map<String, String> environment(int httpPort, int mongoPort) {
        return Map.of(
                "CONNECTX_HTTP_PORT",
                String.valueOf(httpPort),
                "CONNECTX_MONGO_EMBEDDED_PORT",
                String.valueOf(mongoPort),
                "CONNECTX_DATA_DIR",
                work.resolve("data").toString());
    }

    private static String post(int httpPort, String body) {
        try (HttpClientResponse response = WebClient.builder()
                .baseUri("http://127.0.0.1:" + httpPort)
                .build()
                .post("/local/purchase-requests")
                .header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON)
                .submit(body)) {
            assertEquals(200, response.status().code());
            return response.as(String.class);
        }
    }

    private static long countDocuments(int mongoPort) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            return Mono.from(client.getDatabase("connectx")
                            .getCollection("driver_data")
                            .countDocuments())
                    .block(Duration.ofSeconds(20));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path single(Path directory, String glob) throws IOException {
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(directory, glob)) {
            List<Path> found = new ArrayList<>();
            matches.forEach(found::add);
            assertEquals(1, found.size(), "exactly one " + glob + " in " + directory + ": " + found);
            return found.getFirst();
        }
    }
}
