package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.rest.ConnectRestClient;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.proxy.ProxyRules;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime's bounds, against the Connect simulator: tasks in flight, and the size of an object it reads. */
class TaskLimitsTest {

    private static final String KEY = "ApiKey SU-000-000-000:limits";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Timings FAST = ConnectRuntimeFixture.FAST;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger recorded = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private ConnectSimulator connect;
    private ConnectRuntime runtime;

    /** A use case that holds each event until released, counting how many it holds at once. */
    private final Set<String> recordingThreads = ConcurrentHashMap.newKeySet();

    private final RecordSubscriptionEventUseCase slowRecord = command -> {
        recordingThreads.add(Thread.currentThread().getName());
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        recorded.incrementAndGet();
        return RecordOutcome.alreadyStored("stored " + command.event().key());
    };

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (runtime != null) {
            runtime.close();
        }
        connect.close();
    }

    private void startRuntime(int maxTasks) {
        ConnectRuntimeSettings settings = ConnectRuntimeSettings.of(
                        connect.serverAddress(),
                        connect.apiAddress(),
                        KEY,
                        "ENV-1234-5678-01",
                        "limits",
                        Duration.ofSeconds(60))
                .withTimings(FAST)
                .withMaxTasks(maxTasks);
        runtime = ConnectRuntime.start(
                settings,
                new ConnectAccess(settings.apiKey(), ProxyRules.NONE),
                slowRecord,
                new dev.connectx.largeobjects.LargeObjectTurns(1),
                EventSubscriptions.allPurchaseRequestStatuses(),
                List.of(),
                variables -> {},
                Clock.systemUTC());
        connect.awaitHandshakes(1, WAIT);
    }

    @Test
    void no_more_than_max_tasks_run_at_once_and_the_rest_wait_their_turn() throws Exception {
        startRuntime(3);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "PR-4000-0000-%04d-001".formatted(i);
            connect.putRequest(PurchaseRequestJson.of(
                    id, "pending", "2023-01-18T10:02:13+00:00", "AS-4000-0000-0001", "PRD-400-000-001"));
            tasks.add(connect.deliver(id));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (running.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(500); // time for a fourth task to start, were it allowed to

        assertEquals(3, mostAtOnce.get(), "tasks running at once");
        release.countDown();
        for (String task : tasks) {
            assertEquals("success", connect.awaitResult(task, WAIT).result());
        }
        assertEquals(40, recorded.get());
        assertEquals(40, recordingThreads.size(), "each task on a thread of its own: " + recordingThreads);
        assertTrue(
                recordingThreads.stream().allMatch(name -> name.startsWith("connectx-task-")),
                "the task's own thread records its event, no second thread per task: " + recordingThreads);
        assertEquals(3, mostAtOnce.get());
    }

    @Test
    void an_object_over_the_size_any_store_keeps_is_answered_fail_without_recording() {
        release.countDown();
        startRuntime(4);
        String id = "PR-5000-0000-0000-001";
        String huge = PurchaseRequestJson.of(
                        id, "pending", "2023-01-18T10:02:13+00:00", "AS-5000-0000-0001", "PRD-500-000-001")
                .replaceFirst("\\{", "{\"blob\":\"" + "h".repeat(ConnectRestClient.MAX_OBJECT_BYTES) + "\",");
        connect.putRawRequest(id, huge);

        var result = connect.awaitResult(connect.deliver(id), WAIT);

        assertEquals("fail", result.result());
        assertTrue(
                result.message().contains("is over " + ConnectRestClient.MAX_OBJECT_BYTES + " bytes"),
                result.message());
        assertEquals(0, recorded.get());
    }
}
