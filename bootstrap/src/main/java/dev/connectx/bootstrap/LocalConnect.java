package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.local.LocalDelivery;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.TaskResult;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Local mode (no {@code API_KEY}/{@code ENVIRONMENT_ID}): a Connect simulator on loopback that connectx's own
 * Connect runtime connects to, so that a locally posted purchase request travels the whole protocol path: task,
 * status count, object fetch, store, result.
 */
final class LocalConnect implements AutoCloseable {

    static final String ENVIRONMENT_ID = "ENV-0000-0000-01";

    private final ConnectSimulator simulator;
    private final String apiKey;

    private LocalConnect(ConnectSimulator simulator, String apiKey) {
        this.simulator = simulator;
        this.apiKey = apiKey;
    }

    static LocalConnect start() {
        String apiKey = "ApiKey SU-LOCAL:" + UUID.randomUUID();
        return new LocalConnect(ConnectSimulator.start(apiKey, 0), apiKey);
    }

    ConnectRuntimeSettings runtimeSettings(Duration backgroundTaskTimeout) {
        return ConnectRuntimeSettings.of(simulator.serverAddress(), simulator.apiAddress(), apiKey, ENVIRONMENT_ID, "local",
                backgroundTaskTimeout);
    }

    /** Delivers a request through the simulator as a task, and answers with the task's result. */
    LocalDelivery delivery(Duration resultTimeout) {
        return event -> {
            simulator.putRequest(event.request().json());
            String taskId = simulator.deliver(event.requestId().value());
            TaskResult result;
            try {
                result = simulator.takeResult(taskId, resultTimeout);
            } catch (IllegalStateException e) {
                return RecordOutcome.retry("task " + taskId + " got no result within " + resultTimeout.toSeconds() + " s");
            } finally {
                simulator.removeRequest(event.requestId().value());
            }
            String message = result.message() != null ? result.message() : "task " + taskId + " answered " + result.result();
            return new RecordOutcome(RecordOutcome.Result.valueOf(result.result().toUpperCase(Locale.ROOT)), message);
        };
    }

    @Override
    public void close() {
        simulator.close();
    }

    @Override
    public String toString() {
        return "local Connect simulator on 127.0.0.1:" + simulator.port();
    }
}
