package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.adapters.connect.protocol.MessageCodec;
import dev.connectx.adapters.connect.protocol.TaskOutput;
import dev.connectx.adapters.connect.protocol.Verdict;
import dev.connectx.logcontext.LogContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks Connect sends (§4.2, §4.3), each on one virtual thread of its own, at most {@code maxTasks} at once
 * ({@link TaskTurns}), and queues each answer for the {@link ResultSender}. A background task over its time limit is
 * interrupted by one shared deadline thread and answered {@code retry}. Interactive and scheduled tasks are answered
 * at once, as the Python runner answers them when it has no handler.
 */
final class TaskRunner {

    private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

    private final BackgroundTaskProcessor processor;
    private final ResultSender sender;
    private final MessageCodec codec;
    private final Duration timeout;
    private final TaskTurns turns;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("connectx-task-", 1).factory());
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("connectx-task-deadlines").daemon(true).factory());
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    TaskRunner(
            BackgroundTaskProcessor processor,
            ResultSender sender,
            MessageCodec codec,
            Duration timeout,
            int maxTasks) {
        this.processor = processor;
        this.sender = sender;
        this.codec = codec;
        this.timeout = timeout;
        this.turns = new TaskTurns(maxTasks);
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /** Takes a task from the frame reader; while every place is taken, the reader waits, and so does Connect. */
    void submit(Task task) {
        String taskId = task.options().taskId();
        if (stopping) {
            LOG.log(Level.INFO, "Not taking task {0}: stopping (Connect delivers it again)", taskId);
            return;
        }
        String category = task.options().category();
        LOG.log(Level.DEBUG, "received new {0} task: {1}", category, taskId);
        switch (category) {
            case "background" -> {
                if (!takePlace()) {
                    LOG.log(Level.INFO, "Not taking task {0}: stopping (Connect delivers it again)", taskId);
                    return;
                }
                running.incrementAndGet();
                threads.submit(() -> runWhenItsTurn(task));
            }
            case "interactive" ->
                answer(
                        task,
                        TaskOutput.since(System.nanoTime(), Verdict.FAIL, "connectx handles no interactive events"));
            case "scheduled" ->
                answer(task, TaskOutput.since(System.nanoTime(), Verdict.RETRY, "connectx has no schedulables"));
            default -> LOG.log(Level.WARNING, "Ignoring task {0} of unknown category {1}", taskId, category);
        }
    }

    /** Background tasks taken and not yet answered. */
    int running() {
        return running.get();
    }

    /** Takes no more tasks; those waiting for a turn are left to Connect. */
    void stopTaking() {
        stopping = true;
    }

    /** Waits until no task runs, at most until {@code deadlineNanos} ({@link System#nanoTime()}). */
    void awaitIdle(long deadlineNanos) throws InterruptedException {
        while (running.get() > 0 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(20);
        }
    }

    /** Interrupts whatever still runs and ends the deadline thread. */
    void shutdownNow() {
        stopping = true;
        threads.shutdownNow();
        deadlines.shutdownNow();
    }

    private boolean takePlace() {
        try {
            return turns.takePlace(() -> stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runWhenItsTurn(Task task) {
        try (LogContext.Scope fields = LogContext.with(
                "task_id", task.options().taskId(), "event_type", task.eventType(), "request_id", task.objectId())) {
            if (!turns.takeTurn(() -> stopping)) {
                LOG.log(
                        Level.INFO,
                        "Task {0} did not start before the stop (Connect delivers it again)",
                        task.options().taskId());
                return;
            }
            try {
                answer(task, runWithinTimeLimit(task));
            } finally {
                turns.releaseTurn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            turns.releasePlace();
            running.decrementAndGet();
        }
    }

    /**
     * Runs the task on this thread; the deadline thread interrupts it once its time is up. Whichever of the two ends
     * first decides: a task that ended first is answered with its own output, one that the deadline reached first
     * {@code retry}, and its interrupt is cleared before the answer.
     */
    private TaskOutput runWithinTimeLimit(Task task) {
        long started = System.nanoTime();
        Thread self = Thread.currentThread();
        AtomicBoolean decided = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    if (decided.compareAndSet(false, true)) {
                        self.interrupt();
                    }
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        TaskOutput output;
        try {
            output = processor.process(task);
        } catch (InterruptedException e) {
            output = TaskOutput.since(started, Verdict.RETRY, "connectx stopped before the task finished");
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Got exception during execution of task {0}: {1}",
                    task.options().taskId(),
                    e.toString());
            output = TaskOutput.since(started, Verdict.RETRY, e.toString());
        }
        if (decided.compareAndSet(false, true)) {
            deadline.cancel(false);
            return output;
        }
        awaitInterruptDelivered(deadline);
        return overTime(started);
    }

    private static void awaitInterruptDelivered(ScheduledFuture<?> deadline) {
        Thread.interrupted();
        try {
            deadline.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // cancelled at a stop, or interrupted again: either way nothing more is coming
        }
        Thread.interrupted();
    }

    private TaskOutput overTime(long started) {
        return TaskOutput.since(
                started,
                Verdict.RETRY,
                "the task did not finish within " + timeout.toSeconds() + " s (BACKGROUND_TASK_MAX_EXECUTION_TIME)");
    }

    private void answer(Task task, TaskOutput output) {
        LOG.log(
                Level.INFO,
                "{0} task {1} result: {2}, took: {3,number,0.000}",
                task.options().category(),
                task.options().taskId(),
                output.result().wireName(),
                output.runtimeSeconds());
        sender.enqueue(task.options().taskId(), codec.taskResult(task, output));
    }
}
