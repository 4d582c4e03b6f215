package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/connectx}, with the launcher's default JVM options, under the attacks that once took it past 9 GB:
 * concurrent reads of a request with many 15 MiB events, a burst of thousands of tasks from Connect, and concurrent
 * 15 MiB local deliveries. Each measures from outside (/proc) the peak resident memory, the most threads and the
 * slowest health answer, prints them, and asserts the bounds of the production-safety issue: the peak within a
 * 512 MiB container, the lean issue's example of a small one.
 *
 * <p>Sizes: {@code -Dconnectx.attack.events=N} 15 MiB events (default 8; the figure is 40),
 * {@code -Dconnectx.attack.tasks=N} tasks in the burst (default 5000).
 */
class ResourceLimitsIT {

    private static final java.util.regex.Pattern NEXT =
            java.util.regex.Pattern.compile("\"next\":(?:null|\"([^\"]*)\")}$");
    private static final Path SAMPLE = Path.of(System.getProperty(
            "connectx.sample",
            RepositoryFiles.file("samples/purchase-request.json").toString()));
    private static final int LARGE_EVENTS = Integer.getInteger("connectx.attack.events", 8);
    private static final int BURST = Integer.getInteger("connectx.attack.tasks", 5000);
    private static final int EVENT_CHARS = 15 * 1024 * 1024;
    /** The memory limit of a small container, which the launcher's defaults must fit. */
    private static final long CONTAINER_MIB = 512;

    private static final Duration HEALTH_LIMIT = Duration.ofSeconds(1);
    private static final java.util.concurrent.atomic.AtomicInteger RETRIED =
            new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path work;

    @Test
    void three_concurrent_readers_of_a_request_with_large_events_stay_under_512_mib() throws Exception {
        int port = LoopbackPorts.free();
        ConnectxProcess app = ConnectxProcess.startHealthy(work, localMode(port), "large-reads.log");
        try {
            String sample = Files.readString(SAMPLE);
            String padding = "p".repeat(EVENT_CHARS);
            for (int i = 0; i < LARGE_EVENTS; i++) {
                String body = sample.replace("2023-01-18T10:02:13+00:00", "2023-01-18T10:%02d:13+00:00".formatted(i))
                        .replaceFirst("\\{", "{\"notes\": \"" + padding + "\",");
                RawHttp.Response posted = RawHttp.exchange(
                        port, "POST", "/local/purchase-requests", body, "Content-Type: application/json");
                assertTrue(posted.body().contains("\"result\":\"success\""), posted.body());
            }
            try (ProcessGauge gauge = new ProcessGauge(app.pid(), port);
                    ExecutorService readers = Executors.newFixedThreadPool(3)) {
                List<Future<Integer>> read = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    read.add(readers.submit(() -> readAllEvents(port, "/api/requests/PR-5571-0393-2216-001/events")));
                }
                for (Future<Integer> events : read) {
                    try {
                        assertEquals(LARGE_EVENTS, events.get());
                    } catch (Exception | AssertionError e) {
                        System.out.println("the app's log, to its end:\n"
                                + app.log()
                                        .lines()
                                        .skip(Math.max(0, app.log().lines().count() - 60))
                                        .collect(java.util.stream.Collectors.joining("\n")));
                        throw e;
                    }
                }
                report(
                        "3 readers x " + LARGE_EVENTS + " events of 15 MiB (" + RETRIED.get()
                                + " pages asked again after a 503)",
                        gauge);
                assertTrue(gauge.peakRssMiB() < CONTAINER_MIB, "peak RSS " + gauge.peakRssMiB() + " MiB");
                assertTrue(
                        gauge.slowestHealth().compareTo(HEALTH_LIMIT) < 0,
                        "slowest health " + gauge.slowestHealth().toMillis() + " ms");
            }
        } finally {
            app.terminate();
        }
    }

    @Test
    void a_burst_of_thousands_of_tasks_stays_under_512_mib_and_400_threads() throws Exception {
        String key = "ApiKey SU-900-900-900:burst";
        try (ConnectSimulator connect = ConnectSimulator.start(key, 0)) {
            String sample = Files.readString(SAMPLE);
            for (int i = 0; i < BURST; i++) {
                connect.putRequest(sample.replace("PR-5571-0393-2216-001", "PR-8000-%04d-0000-001".formatted(i)));
            }
            int port = LoopbackPorts.free();
            Map<String, String> environment = new HashMap<>(localMode(port));
            environment.putAll(TestConfig.connectTo(connect, key, "ENV-1234-5678-01"));
            ConnectxProcess app = ConnectxProcess.startHealthy(work, environment, "burst.log");
            try (ProcessGauge gauge = new ProcessGauge(app.pid(), port)) {
                connect.awaitHandshakes(1, Duration.ofSeconds(30));
                long started = System.nanoTime();
                List<String> tasks = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    tasks.add(connect.deliver("PR-8000-%04d-0000-001".formatted(i)));
                }
                for (String task : tasks) {
                    assertEquals(
                            "success",
                            connect.awaitResult(task, Duration.ofSeconds(300)).result());
                }
                System.out.printf(
                        "burst: %d tasks answered in %d ms%n",
                        BURST, Duration.ofNanos(System.nanoTime() - started).toMillis());
                report("a burst of " + BURST + " tasks", gauge);
                assertTrue(gauge.peakRssMiB() < CONTAINER_MIB, "peak RSS " + gauge.peakRssMiB() + " MiB");
                assertTrue(gauge.mostThreads() < 400, "threads " + gauge.mostThreads());
                assertTrue(
                        gauge.slowestHealth().compareTo(HEALTH_LIMIT) < 0,
                        "slowest health " + gauge.slowestHealth().toMillis() + " ms");
            } finally {
                app.terminate();
            }
        }
    }

    @Test
    void ten_concurrent_large_local_deliveries_are_all_answered_and_memory_stays_bounded() throws Exception {
        int port = LoopbackPorts.free();
        ConnectxProcess app = ConnectxProcess.startHealthy(work, localMode(port), "large-posts.log");
        try (ProcessGauge gauge = new ProcessGauge(app.pid(), port);
                ExecutorService clients = Executors.newFixedThreadPool(10)) {
            String sample = Files.readString(SAMPLE);
            String padding = "q".repeat(EVENT_CHARS);
            List<Future<RawHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String body = sample.replace("PR-5571-0393-2216-001", "PR-8100-0000-%04d-001".formatted(i))
                        .replaceFirst("\\{", "{\"notes\": \"" + padding + "\",");
                answers.add(clients.submit(() -> RawHttp.exchange(
                        port, "POST", "/local/purchase-requests", body, "Content-Type: application/json")));
            }
            for (Future<RawHttp.Response> answer : answers) {
                assertTrue(
                        answer.get().body().contains("\"result\":\"success\""),
                        answer.get().body());
            }
            RawHttp.Response tooLarge = RawHttp.exchange(
                    port,
                    "POST",
                    "/local/purchase-requests",
                    sample.replaceFirst("\\{", "{\"notes\": \"" + "r".repeat(30_000_000) + "\","),
                    "Content-Type: application/json");
            assertEquals(413, tooLarge.status(), "a 30 MB post is refused before it is read");
            report("10 concurrent 15 MiB local deliveries", gauge);
            assertTrue(app.isAlive(), "alive:\n" + app.log());
            assertTrue(gauge.peakRssMiB() < CONTAINER_MIB, "peak RSS " + gauge.peakRssMiB() + " MiB");
            assertTrue(
                    gauge.slowestHealth().compareTo(HEALTH_LIMIT) < 0,
                    "slowest health " + gauge.slowestHealth().toMillis() + " ms");
            assertTrue(!app.log().contains("OutOfMemoryError"), app.log());
        } finally {
            app.terminate();
        }
    }

    private Map<String, String> localMode(int port) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "CONNECTX_HTTP_PORT",
                String.valueOf(port),
                "CONNECTX_MONGO_EMBEDDED_PORT",
                String.valueOf(LoopbackPorts.free()),
                "CONNECTX_DATA_DIR",
                work.resolve("data").toString()));
        String javaOpts = System.getProperty("connectx.attack.java-opts");
        if (javaOpts != null && !javaOpts.isBlank()) {
            environment.put("JAVA_OPTS", javaOpts);
        }
        return environment;
    }

    /** Follows the next links to the end, as a client should (a 503 is asked again after its Retry-After); the events read. */
    private static int readAllEvents(int port, String first) throws Exception {
        int events = 0;
        String next = first;
        for (int pages = 0; next != null && pages < 10_000; pages++) {
            RawHttp.Response page = RawHttp.exchange(port, "GET", next, null);
            if (page.status() == 503) {
                // too many pages at once (Retry-After), or the store too slow this time: a client asks again
                RETRIED.incrementAndGet();
                Thread.sleep(1000L * Integer.parseInt(page.header("Retry-After").orElse("1")));
                continue;
            }
            assertEquals(200, page.status(), next);
            events += page.body().split("\\{\"key\":", -1).length - 1;
            java.util.regex.Matcher link = NEXT.matcher(page.body());
            assertTrue(link.find(), "a page ends with its next link");
            next = link.group(1);
        }
        return events;
    }

    private static void report(String attack, ProcessGauge gauge) {
        System.out.printf(
                "resource limits, %s: peak RSS %d MiB, RSS now %d MiB, most threads %d, slowest health %d ms (%d answers)%n",
                attack,
                gauge.peakRssMiB(),
                gauge.rssMiB(),
                gauge.mostThreads(),
                gauge.slowestHealth().toMillis(),
                gauge.healthAnswers());
    }
}
