package dev.connectx.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connect's half of at-least-once delivery: every task sent and not yet finally answered. A task answered
 * {@code retry} falls due again after {@code retryAfter}; one not answered at all after {@code unansweredAfter}
 * (the runner died, the connection dropped, the result was lost). Any other result ends it.
 */
final class OutstandingTasks {

    private record Entry(String frame, long dueNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, String> finalResults = new ConcurrentHashMap<>();
    private final long unansweredAfterNanos;
    private final long retryAfterNanos;
    private final AtomicLong redeliveries = new AtomicLong();

    OutstandingTasks(Duration unansweredAfter, Duration retryAfter) {
        this.unansweredAfterNanos = unansweredAfter.toNanos();
        this.retryAfterNanos = retryAfter.toNanos();
    }

    void sent(String taskId, String frame) {
        entries.put(taskId, new Entry(frame, System.nanoTime() + unansweredAfterNanos));
    }

    void answered(String taskId, String result) {
        if ("retry".equals(result)) {
            entries.computeIfPresent(
                    taskId, (id, entry) -> new Entry(entry.frame(), System.nanoTime() + retryAfterNanos));
        } else if (entries.remove(taskId) != null) {
            finalResults.put(taskId, String.valueOf(result));
        }
    }

    /** The tasks due for redelivery now, as (task id, frame); each is due again later unless answered. */
    List<Map.Entry<String, String>> takeDue() {
        long now = System.nanoTime();
        List<Map.Entry<String, String>> due = new ArrayList<>();
        entries.forEach((taskId, entry) -> {
            if (entry.dueNanos() - now <= 0
                    && entries.replace(taskId, entry, new Entry(entry.frame(), now + unansweredAfterNanos))) {
                due.add(Map.entry(taskId, entry.frame()));
                redeliveries.incrementAndGet();
            }
        });
        return due;
    }

    int size() {
        return entries.size();
    }

    long redeliveries() {
        return redeliveries.get();
    }

    Map<String, String> finalResults() {
        return Map.copyOf(finalResults);
    }
}
