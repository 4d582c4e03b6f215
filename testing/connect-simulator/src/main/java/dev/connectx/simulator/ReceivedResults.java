package dev.connectx.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The task results a runner sent: kept (the most recent, bounded), counted by kind, and told to listeners. */
final class ReceivedResults {

    private final RecentEntries<TaskResult> results;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<Consumer<TaskResult>> listeners = new CopyOnWriteArrayList<>();

    ReceivedResults(int kept) {
        this.results = new RecentEntries<>(kept);
    }

    void add(TaskResult result) {
        results.add(result);
        listeners.forEach(listener -> listener.accept(result));
        counts.computeIfAbsent(String.valueOf(result.result()), r -> new AtomicLong())
                .incrementAndGet();
    }

    void onResult(Consumer<TaskResult> listener) {
        listeners.add(listener);
    }

    Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((result, count) -> copy.put(result, count.get()));
        return copy;
    }

    List<TaskResult> all() {
        return results.snapshot();
    }

    Optional<TaskResult> find(String taskId) {
        return results.find(r -> r.taskId().equals(taskId));
    }

    TaskResult await(String taskId, Duration timeout) {
        Waits.until(() -> find(taskId).isPresent(), timeout, "a result for " + taskId);
        return find(taskId).orElseThrow();
    }

    TaskResult take(String taskId, Duration timeout) {
        Waits.until(() -> find(taskId).isPresent(), timeout, "a result for " + taskId);
        return results.take(r -> r.taskId().equals(taskId)).orElseThrow();
    }
}
