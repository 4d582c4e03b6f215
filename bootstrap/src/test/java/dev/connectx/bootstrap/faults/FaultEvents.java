package dev.connectx.bootstrap.faults;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events a fault scenario sends: {@code size} distinct purchase requests held by the simulator, delivered at
 * a steady pace so that a fault can strike in the middle of the stream.
 */
final class FaultEvents {

    /** How many events each scenario sends; {@code -Dconnectx.faults.events=N} (the faults-large profile: 5000). */
    static final int SIZE = Integer.getInteger("connectx.faults.events", 300);

    private static final String[] STATUSES = {
        "pending", "approved", "failed", "inquiring", "scheduled", "revoking", "revoked"
    };

    private final List<String> requestIds = new ArrayList<>();
    private final Map<String, String> requestOfTask = new ConcurrentHashMap<>();

    private FaultEvents() {}

    /** Puts {@code size} requests (all seven statuses in turn) into the simulator. */
    static FaultEvents putInto(ConnectSimulator connect, int size) {
        FaultEvents events = new FaultEvents();
        for (int i = 0; i < size; i++) {
            String requestId =
                    "PR-9%03d-%04d-%04d-001".formatted(i / 100_000_000 % 1000, i / 10_000 % 10_000, i % 10_000);
            String assetId = "AS-9%03d-%04d-%04d".formatted(i / 100_000_000 % 1000, i / 10_000 % 10_000, i % 10_000);
            connect.putRequest(PurchaseRequestJson.of(
                    requestId,
                    STATUSES[i % STATUSES.length],
                    "2026-11-27T10:%02d:%02d+00:00".formatted(i / 60 % 60, i % 60),
                    assetId,
                    "PRD-000-000-001"));
            events.requestIds.add(requestId);
        }
        return events;
    }

    List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    int size() {
        return requestIds.size();
    }

    /**
     * Delivers every event, {@code perTick} at a time with a short pause between, and starts {@code fault} (on its
     * own thread, so that delivery goes on while it acts) once {@code faultAt} of them are out.
     *
     * @return the fault, to wait for
     */
    CompletableFuture<Void> deliver(ConnectSimulator connect, double faultAt, Runnable fault) {
        return deliver(connect, faultAt, fault, 1);
    }

    /** As {@link #deliver(ConnectSimulator, double, Runnable)}, pausing {@code millisPerTask} after each task. */
    CompletableFuture<Void> deliver(ConnectSimulator connect, double faultAt, Runnable fault, long millisPerTask) {
        CompletableFuture<Void> faultDone = CompletableFuture.completedFuture(null);
        int faultIndex = (int) (requestIds.size() * faultAt);
        for (int i = 0; i < requestIds.size(); i++) {
            if (i == faultIndex) {
                faultDone = CompletableFuture.runAsync(
                        fault, runnable -> Thread.ofPlatform().name("fault").start(runnable));
            }
            deliverOne(connect, requestIds.get(i));
            if (i % 10 == 9) {
                Pause.millis(10 * millisPerTask);
            }
        }
        return faultDone;
    }

    /** Delivers one task for the request and remembers which request the task was for. */
    String deliverOne(ConnectSimulator connect, String requestId) {
        String taskId = connect.deliver(requestId);
        requestOfTask.put(taskId, requestId);
        return taskId;
    }

    /** The request a delivered task was for. */
    String requestOf(String taskId) {
        return requestOfTask.get(taskId);
    }
}
