package dev.connectx.bootstrap.faults;

import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestStatus;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.PurchaseRequestJson;
import dev.connectx.testing.support.TierConfigRequestJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events a fault scenario sends: {@code size} distinct requests of several event types held by the simulator,
 * delivered at a steady pace so that a fault can strike in the middle of the stream.
 */
final class FaultEvents {

    /** How many events each scenario sends; {@code -Dconnectx.faults.events=N} (the faults-large profile: 5000). */
    static final int SIZE = Integer.getInteger("connectx.faults.events", 300);

    /** The types the events take in turn: asset requests of three kinds and a tier configuration's setup. */
    private static final List<EventType> TYPES = List.of(
            EventType.ASSET_PURCHASE_REQUEST_PROCESSING,
            EventType.ASSET_SUSPEND_REQUEST_PROCESSING,
            EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING,
            EventType.ASSET_CHANGE_REQUEST_PROCESSING);

    private final List<String> requestIds = new ArrayList<>();
    private final Map<String, String> requestOfTask = new ConcurrentHashMap<>();
    private final Map<String, EventType> typeOfRequest = new ConcurrentHashMap<>();

    private FaultEvents() {}

    /** Puts {@code size} requests into the simulator: four event types in turn, each in its statuses in turn. */
    static FaultEvents putInto(ConnectSimulator connect, int size) {
        FaultEvents events = new FaultEvents();
        for (int i = 0; i < size; i++) {
            EventType type = TYPES.get(i % TYPES.size());
            List<RequestStatus> statuses = List.copyOf(type.statuses());
            String status = statuses.get(i / TYPES.size() % statuses.size()).wireName();
            String digits = "9%03d-%04d-%04d".formatted(i / 100_000_000 % 1000, i / 10_000 % 10_000, i % 10_000);
            String updated = "2026-11-27T10:%02d:%02d+00:00".formatted(i / 60 % 60, i % 60);
            String requestId;
            if (type.family() == RequestFamily.ASSET_REQUEST) {
                requestId = "PR-" + digits + "-001";
                connect.putRequest(new PurchaseRequestJson(
                                requestId, status, updated, "AS-" + digits, "PRD-000-000-001", "100234", 5)
                        .json(type.requestType(), "active"));
            } else {
                requestId = "TCR-" + digits + "-001";
                connect.putRequest(TierConfigRequestJson.of(
                        type.requestType(),
                        requestId,
                        status,
                        updated,
                        "TC-" + digits,
                        "TA-" + digits,
                        "PRD-000-000-001"));
            }
            events.requestIds.add(requestId);
            events.typeOfRequest.put(requestId, type);
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
        String taskId = connect.deliver(typeOfRequest.get(requestId).wireName(), requestId);
        requestOfTask.put(taskId, requestId);
        return taskId;
    }

    /** The request a delivered task was for. */
    String requestOf(String taskId) {
        return requestOfTask.get(taskId);
    }
}
