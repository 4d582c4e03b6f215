package dev.connectx.application.service;

import dev.connectx.application.port.in.HandlerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counts of one handler's calls, in constant memory: a few counters and the latest problem. */
final class HandlerTally {

    private final LongAdder calls = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder fails = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final AtomicInteger running = new AtomicInteger();
    private volatile HandlerState.Problem lastProblem;

    void started() {
        running.incrementAndGet();
    }

    /** The handler's code has returned or thrown, in time or not. */
    void left() {
        running.decrementAndGet();
    }

    void done(long elapsedNanos) {
        ended(elapsedNanos).done.increment();
    }

    void retried(long elapsedNanos, Instant at, String requestId, String reason) {
        problem(retries, elapsedNanos, new HandlerState.Problem(at, requestId, reason));
    }

    void failed(long elapsedNanos, Instant at, String requestId, String reason) {
        problem(fails, elapsedNanos, new HandlerState.Problem(at, requestId, reason));
    }

    void threw(long elapsedNanos, Instant at, String requestId, String reason) {
        problem(errors, elapsedNanos, new HandlerState.Problem(at, requestId, reason));
    }

    void timedOut(long elapsedNanos, Instant at, String requestId, String reason) {
        problem(timeouts, elapsedNanos, new HandlerState.Problem(at, requestId, reason));
    }

    private void problem(LongAdder counter, long elapsedNanos, HandlerState.Problem problem) {
        ended(elapsedNanos);
        counter.increment();
        lastProblem = problem;
    }

    private HandlerTally ended(long elapsedNanos) {
        calls.increment();
        nanos.add(elapsedNanos);
        return this;
    }

    HandlerState state(String name, String origin) {
        return new HandlerState(
                name,
                origin,
                calls.sum(),
                done.sum(),
                retries.sum(),
                fails.sum(),
                errors.sum(),
                timeouts.sum(),
                running.get(),
                Duration.ofNanos(nanos.sum()),
                Optional.ofNullable(lastProblem));
    }
}
