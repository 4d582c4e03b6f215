package dev.connectx.benchmark;

import dev.connectx.simulator.ConnectSimulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks through the real protocol: the simulator sends a task over the WebSocket, connectx counts and fetches the
 * request over REST, stores it and answers; at most {@code concurrency} tasks are in flight. A task's latency runs
 * from the simulator sending it to its result arriving.
 */
final class EndToEndRun {

    private EndToEndRun() {}

    /** The task's object id, from the result frame connectx sent (it echoes the task). */
    private static String objectIdOf(String frame) {
        String marker = "\"object_id\":\"";
        int start = frame.indexOf(marker);
        if (start < 0) {
            return "";
        }
        start += marker.length();
        return frame.substring(start, frame.indexOf('"', start));
    }

    static RunResult run(String name, ConnectSimulator connect, List<String> requests, int series, int concurrency)
            throws InterruptedException {
        return run(name, connect, requests, series, concurrency, 0);
    }

    /** As fast as the window allows when {@code intervalNanos} is 0, else one task every {@code intervalNanos}. */
    static RunResult run(
            String name,
            ConnectSimulator connect,
            List<String> requests,
            int series,
            int concurrency,
            long intervalNanos)
            throws InterruptedException {
        for (String request : requests) {
            connect.putRequest(request);
        }
        int count = requests.size();
        Latencies latencies = new Latencies(count);
        Map<String, long[]> inFlight = new ConcurrentHashMap<>(); // request id -> {operation index, sent at}
        Map<String, String> failures = new ConcurrentHashMap<>();
        Semaphore window = new Semaphore(concurrency);
        AtomicInteger answered = new AtomicInteger();
        try (Progress progress = new Progress(name, count)) {
            connect.onResult(result -> {
                long[] sent = inFlight.remove(objectIdOf(result.frame()));
                if (sent == null) {
                    return; // not this run's
                }
                latencies.record((int) sent[0], System.nanoTime() - sent[1]);
                if (!"success".equals(result.result())) {
                    failures.putIfAbsent(result.result(), String.valueOf(result.message()));
                }
                answered.incrementAndGet();
                progress.step();
                window.release();
            });
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = started + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            "no result for 60 s; " + answered.get() + " of " + count + " answered");
                }
                String requestId = Workload.requestId(series, i);
                // Registered before sending: the result can arrive before deliver returns.
                inFlight.put(requestId, new long[] {i, System.nanoTime()});
                connect.deliver(requestId);
            }
            if (!window.tryAcquire(concurrency, 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "the last results did not arrive; " + answered.get() + " of " + count + " answered");
            }
            long elapsed = System.nanoTime() - started;
            if (!failures.isEmpty()) {
                throw new IllegalStateException(name + ": not every task was answered success: " + failures);
            }
            return RunResult.of(name, count, elapsed, latencies);
        }
    }
}
