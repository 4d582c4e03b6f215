package dev.connectx.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Connect's redelivery, once turned on: a task answered {@code retry} goes again after {@code retryAfter}, one not
 * answered at all after {@code unansweredAfter}, until it gets another result ({@link OutstandingTasks} keeps the
 * books; a platform thread sends what is due every 20 ms).
 */
final class Redelivery implements AutoCloseable {

    private final OutstandingTasks tasks;
    private final ScheduledExecutorService thread;

    /** @param resend sends a task's frame again, given its id and frame */
    Redelivery(Duration unansweredAfter, Duration retryAfter, BiConsumer<String, String> resend) {
        this.tasks = new OutstandingTasks(unansweredAfter, retryAfter);
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("simulator-redelivery").factory());
        thread.scheduleWithFixedDelay(
                () -> tasks.takeDue().forEach(due -> resend.accept(due.getKey(), due.getValue())),
                20,
                20,
                TimeUnit.MILLISECONDS);
    }

    void sent(String taskId, String frame) {
        tasks.sent(taskId, frame);
    }

    void answered(String taskId, String result) {
        tasks.answered(taskId, result);
    }

    int outstanding() {
        return tasks.size();
    }

    long redeliveries() {
        return tasks.redeliveries();
    }

    Map<String, String> finalResults() {
        return tasks.finalResults();
    }

    void awaitAllAnswered(Duration timeout) {
        Waits.until(() -> tasks.size() == 0, timeout, "every task to be answered (" + tasks.size() + " outstanding)");
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
