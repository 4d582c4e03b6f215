package dev.connectx.bootstrap.backfill;

import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.KEY;
import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.SINCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.RequestHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill as operators run it: the distribution's processes, one MongoDB they share (run by the test, so that it
 * outlives them), 3 000 historical requests in the simulator, served a little slowly so that a kill lands mid-way.
 * A process killed halfway is restarted and finishes from the checkpoint; three instances on one store list each page
 * once between them; when the lease holder is killed, another takes over and finishes.
 */
class BackfillProcessesIT {

    private static final int HISTORY = 3_000;
    private static final Duration PAGE_DELAY = Duration.ofMillis(60);
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private EmbeddedMongoServer mongo;
    private ConnectSimulator connect;
    private final List<ConnectxProcess> processes = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        connect = ConnectSimulator.start(KEY, 0);
        connect.putRequests(RequestHistory.mixed(HISTORY, SINCE.plusSeconds(1)));
        connect.lists().delay(PAGE_DELAY);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ConnectxProcess process : processes) {
            if (process.isAlive()) {
                process.kill9();
            }
        }
        connect.close();
        mongo.close();
    }

    private record Instance(ConnectxProcess process, int httpPort) {}

    private Instance startInstance(String database, String name) throws IOException {
        int httpPort = LoopbackPorts.free();
        Map<String, String> environment = new HashMap<>(Map.of(
                "API_KEY",
                KEY,
                "ENVIRONMENT_ID",
                "ENV-7777-8888-01",
                "SERVER_ADDRESS",
                connect.serverAddress(),
                "API_ADDRESS",
                connect.apiAddress(),
                "INSTANCE_ID",
                name,
                "CONNECTX_HTTP_PORT",
                String.valueOf(httpPort),
                "MONGODB_URI",
                mongo.connectionString(),
                "DB",
                database,
                "CONNECTX_BACKFILL_SINCE",
                SINCE.toString(),
                "CONNECTX_BACKFILL_LEASE",
                "3"));
        ConnectxProcess process = ConnectxProcess.startHealthy(work, environment, name + ".log");
        processes.add(process);
        return new Instance(process, httpPort);
    }

    /** The pages one instance alone lists for the whole history, into a database of its own. */
    private long fullRunPages() throws Exception {
        long before = connect.lists().pages();
        Instance alone = startInstance("full", "alone");
        BackfillProbe.await(alone.httpPort(), BackfillProbe.inState("done"), WAIT);
        alone.process().terminate();
        return connect.lists().pages() - before;
    }

    private void assertEveryRequestKeptOnce(String database) {
        Map<String, Integer> kept = BackfillProbe.documentsByRequest(mongo.connectionString(), database, "driver_data");
        assertEquals(HISTORY, kept.size(), "every request is kept");
        assertTrue(kept.values().stream().allMatch(count -> count == 1), "and kept once");
    }

    private static void awaitAtLeast(LongSupplier value, long atLeast) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (value.getAsLong() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + value.getAsLong() + " of " + atLeast + " within " + WAIT);
            }
            Pause.millis(5);
        }
    }

    @Test
    void killed_halfway_and_restarted_it_finishes_with_no_duplicate_and_fewer_than_two_thirds_of_the_pages()
            throws Exception {
        long full = fullRunPages();
        long before = connect.lists().pages();
        Instance first = startInstance("killed", "first");
        awaitAtLeast(() -> connect.lists().pages() - before, full / 2);
        first.process().kill9();
        long beforeKill = connect.lists().pages() - before;

        Instance second = startInstance("killed", "second");
        JsonNode done = BackfillProbe.await(second.httpPort(), BackfillProbe.inState("done"), WAIT);
        long afterRestart = connect.lists().pages() - before - beforeKill;
        System.out.printf(
                "backfill kill -9: a full run lists %d pages; killed after %d, the restart listed %d more%n",
                full, beforeKill, afterRestart);
        assertEquals(HISTORY, done.path("done").asLong(), done.toString());
        assertEveryRequestKeptOnce("killed");
        assertTrue(afterRestart * 3 < full * 2, "the restart resumed: " + afterRestart + " of " + full + " pages");
    }

    @Test
    void three_instances_on_one_store_list_each_page_once_between_them() throws Exception {
        long full = fullRunPages();
        long before = connect.lists().pages();
        List<Instance> instances = new ArrayList<>();
        for (String name : List.of("one", "two", "three")) {
            instances.add(startInstance("shared", name));
        }
        for (Instance instance : instances) {
            BackfillProbe.await(instance.httpPort(), BackfillProbe.inState("done"), WAIT);
        }
        long listed = connect.lists().pages() - before;
        System.out.printf("backfill with three instances: %d pages between them, %d for one alone%n", listed, full);
        assertEquals(full, listed, "each page once");
        assertEveryRequestKeptOnce("shared");
    }

    @Test
    void when_the_lease_holder_is_killed_another_instance_takes_over_and_finishes() throws Exception {
        long full = fullRunPages();
        connect.lists().delay(PAGE_DELAY.multipliedBy(3)); // so that the kill lands well before the end
        long before = connect.lists().pages();
        List<Instance> instances = new ArrayList<>();
        for (String name : List.of("one", "two", "three")) {
            instances.add(startInstance("takeover", name));
        }
        awaitAtLeast(() -> connect.lists().pages() - before, full / 3);
        Instance holder = instances.stream()
                .filter(instance -> "running"
                        .equals(BackfillProbe.backfill(instance.httpPort())
                                .path("state")
                                .asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no instance is listing"));
        holder.process().kill9();
        long atKill = connect.lists().pages() - before;
        assertTrue(atKill < full, "killed before the end: " + atKill + " of " + full);
        List<Instance> others = instances.stream().filter(i -> i != holder).toList();
        for (Instance other : others) {
            BackfillProbe.await(other.httpPort(), BackfillProbe.inState("done"), WAIT);
        }
        long listed = connect.lists().pages() - before;
        System.out.printf(
                "backfill lease takeover: holder killed after %d pages, %d in all, %d for one alone%n",
                atKill, listed, full);
        assertEveryRequestKeptOnce("takeover");
        assertTrue(listed <= full + 1, "at most the page in flight is listed again: " + listed + " for " + full);
    }
}
