package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.transport.WebSocketConnection;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends task results in order over whatever connection is current. A result that cannot be sent goes back to
 * the head of the queue and is sent after the next reconnect: unlike the Python runner, which drops a result
 * after five attempts, connectx never drops one while it runs.
 */
final class ResultSender {

    private static final System.Logger LOG = System.getLogger(ResultSender.class.getName());
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A result waiting to be sent. */
    record PendingResult(String taskId, String frame) {}

    private final BlockingDeque<PendingResult> queue = new LinkedBlockingDeque<>();
    private final AtomicReference<WebSocketConnection> connection = new AtomicReference<>();
    private final Object connectionChanged = new Object();
    private volatile boolean running = true;
    private final Thread thread;

    ResultSender() {
        thread = Thread.ofVirtual().name("connectx-result-sender").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void enqueue(String taskId, String frame) {
        queue.add(new PendingResult(taskId, frame));
    }

    /** Results go out over this connection from now on; null while disconnected. */
    void useConnection(WebSocketConnection current) {
        connection.set(current);
        synchronized (connectionChanged) {
            connectionChanged.notifyAll();
        }
    }

    int pending() {
        return queue.size();
    }

    /** Waits until the queue is empty, at most {@code timeout}; returns whether it is. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return queue.isEmpty();
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        while (running) {
            PendingResult result;
            try {
                result = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (result == null) {
                continue;
            }
            try {
                sendWhenConnected(result);
            } catch (InterruptedException e) {
                queue.addFirst(result);
                return;
            }
        }
    }

    private void sendWhenConnected(PendingResult result) throws InterruptedException {
        int attempt = 0;
        while (true) {
            WebSocketConnection current = connection.get();
            if (current != null && current.isOpen()) {
                attempt++;
                try {
                    current.send(result.frame(), SEND_TIMEOUT);
                    LOG.log(Level.DEBUG, "Result for task {0} has been sent.", result.taskId());
                    return;
                } catch (Exception e) {
                    LOG.log(
                            Level.WARNING,
                            "Attempt {0} to send results for task {1} has failed: {2}; it waits for the next connection",
                            attempt,
                            result.taskId(),
                            e.toString());
                }
            }
            synchronized (connectionChanged) {
                if (connection.get() == current) {
                    connectionChanged.wait(1000);
                }
            }
        }
    }
}
