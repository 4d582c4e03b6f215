package dev.connectx.application.service;

import dev.connectx.application.port.in.HandlerState;
import dev.connectx.application.port.in.ReadHandlerStatesUseCase;
import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.port.out.StoredEventHandler;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a stored event's handlers one after the other, in the order given, until one does not answer done. Each call
 * runs on a virtual thread of its own, so that the waiting side can give up on it: a call past the time limit is
 * interrupted and answered retry. Calls, those given up on included, hold one of {@code maxCalls} places until their
 * code returns; with none free, an event is answered retry at once, so a stuck handler holds a bounded number of
 * threads.
 */
public final class EventHandlerChain implements ReadHandlerStatesUseCase {

    private static final System.Logger LOG = System.getLogger(EventHandlerChain.class.getName());

    /** No handlers: events are stored and nothing else. */
    public static final EventHandlerChain NONE =
            new EventHandlerChain(List.of(), Duration.ofSeconds(1), 1, Clock.systemUTC());

    private record Link(StoredEventHandler handler, HandlerTally tally) {}

    private final List<Link> links;
    private final Duration timeout;
    private final int maxCalls;
    private final Semaphore places;
    private final Clock clock;

    public EventHandlerChain(List<StoredEventHandler> handlers, Duration timeout, int maxCalls, Clock clock) {
        Set<String> names = new HashSet<>();
        for (StoredEventHandler handler : handlers) {
            if (!names.add(handler.name())) {
                throw new IllegalArgumentException("two handlers are named " + handler.name());
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the handler timeout must be positive, not " + timeout);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, not " + maxCalls);
        }
        this.links = handlers.stream().map(h -> new Link(h, new HandlerTally())).toList();
        this.timeout = timeout;
        this.maxCalls = maxCalls;
        this.places = new Semaphore(maxCalls);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean isEmpty() {
        return links.isEmpty();
    }

    /**
     * The first answer of the event's handlers that is not done, its reason naming the handler; done when all are.
     * Never throws; an interrupt of the calling thread gives up on the running call and stays set.
     */
    public HandlerVerdict run(HandledEvent event) {
        for (Link link : links) {
            if (!link.handler().handles(event.event().type())) {
                continue;
            }
            HandlerVerdict verdict = call(link, event);
            if (verdict.kind() != HandlerVerdict.Kind.DONE) {
                return new HandlerVerdict(
                        verdict.kind(), "handler " + link.handler().name() + ": " + verdict.reason());
            }
            if (Thread.currentThread().isInterrupted()) {
                return HandlerVerdict.retry("connectx stopped before the handlers finished");
            }
        }
        return HandlerVerdict.DONE;
    }

    @Override
    public List<HandlerState> handlerStates() {
        return links.stream()
                .map(link ->
                        link.tally().state(link.handler().name(), link.handler().origin()))
                .toList();
    }

    private HandlerVerdict call(Link link, HandledEvent event) {
        StoredEventHandler handler = link.handler();
        HandlerTally tally = link.tally();
        String requestId = event.event().requestId().value();
        if (!places.tryAcquire()) {
            String reason = "all " + maxCalls + " handler calls are taken (calls past the time limit still run)";
            tally.retried(0, clock.instant(), requestId, reason);
            return HandlerVerdict.retry(reason);
        }
        tally.started();
        CompletableFuture<HandlerVerdict> answer = new CompletableFuture<>();
        long started = System.nanoTime();
        Thread thread = Thread.ofVirtual()
                .name("connectx-handler-" + handler.name())
                .unstarted(() -> {
                    try {
                        answer.complete(handler.handle(event));
                    } catch (Throwable e) {
                        answer.completeExceptionally(e);
                    } finally {
                        tally.left();
                        places.release();
                    }
                });
        thread.start();
        try {
            HandlerVerdict verdict = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return counted(tally, verdict, System.nanoTime() - started, requestId);
        } catch (TimeoutException e) {
            thread.interrupt();
            String reason = "did not finish within " + seconds(timeout) + " (CONNECTX_HANDLER_TIMEOUT)";
            LOG.log(Level.WARNING, "Handler {0} on {1}: {2}", handler.name(), requestId, reason);
            tally.timedOut(System.nanoTime() - started, clock.instant(), requestId, reason);
            return HandlerVerdict.retry(reason);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            String reason = "connectx stopped waiting for it";
            tally.timedOut(System.nanoTime() - started, clock.instant(), requestId, reason);
            return HandlerVerdict.retry(reason);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.log(Level.WARNING, "Handler " + handler.name() + " threw on " + requestId, cause);
            String reason = "threw " + cause;
            tally.threw(System.nanoTime() - started, clock.instant(), requestId, reason);
            return HandlerVerdict.retry(reason);
        }
    }

    private HandlerVerdict counted(HandlerTally tally, HandlerVerdict verdict, long elapsed, String requestId) {
        if (verdict == null) {
            String reason = "answered no result (null)";
            tally.threw(elapsed, clock.instant(), requestId, reason);
            return HandlerVerdict.retry(reason);
        }
        Instant now = clock.instant();
        switch (verdict.kind()) {
            case DONE -> tally.done(elapsed);
            case RETRY -> tally.retried(elapsed, now, requestId, verdict.reason());
            case FAIL -> tally.failed(elapsed, now, requestId, verdict.reason());
        }
        return verdict;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
