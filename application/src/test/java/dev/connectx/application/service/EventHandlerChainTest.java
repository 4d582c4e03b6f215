package dev.connectx.application.service;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.HandlerState;
import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.port.out.StoredEventHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventHandlerChainTest {

    private static final HandledEvent EVENT =
            new HandledEvent(aPurchaseEvent().build(), false, java.util.Optional.empty());

    private final List<String> journal = new CopyOnWriteArrayList<>();

    private static EventHandlerChain chain(Duration timeout, int maxCalls, StoredEventHandler... handlers) {
        return new EventHandlerChain(List.of(handlers), timeout, maxCalls, Clock.systemUTC());
    }

    @Test
    void handlers_run_in_the_order_given_and_all_done_is_done() {
        EventHandlerChain chain = chain(
                Duration.ofSeconds(5),
                4,
                RecordedHandler.done("b", journal),
                RecordedHandler.done("a", journal),
                RecordedHandler.done("c", journal));

        assertEquals(HandlerVerdict.DONE, chain.run(EVENT));
        assertEquals(List.of("b", "a", "c"), journal);
        assertEquals(
                List.of(1L, 1L, 1L),
                chain.handlerStates().stream().map(HandlerState::done).toList());
    }

    @Test
    void the_first_answer_that_is_not_done_ends_the_chain_and_names_its_handler() {
        EventHandlerChain chain = chain(
                Duration.ofSeconds(5),
                4,
                RecordedHandler.done("first", journal),
                new RecordedHandler("vendor", journal, event -> HandlerVerdict.fail("no such plan")),
                RecordedHandler.done("never", journal));

        HandlerVerdict verdict = chain.run(EVENT);

        assertEquals(HandlerVerdict.fail("handler vendor: no such plan"), verdict);
        assertEquals(List.of("first", "vendor"), journal);
        HandlerState vendor = chain.handlerStates().get(1);
        assertEquals(1, vendor.fails());
        assertEquals("no such plan", vendor.lastProblem().orElseThrow().reason());
        assertEquals(
                EVENT.event().requestId().value(),
                vendor.lastProblem().orElseThrow().requestId());
    }

    @Test
    void a_handler_that_throws_or_answers_nothing_is_a_retry() {
        EventHandlerChain throwing = chain(Duration.ofSeconds(5), 4, new RecordedHandler("boom", journal, event -> {
            throw new IllegalStateException("CRM down");
        }));
        EventHandlerChain silent =
                chain(Duration.ofSeconds(5), 4, new RecordedHandler("silent", journal, event -> null));

        HandlerVerdict thrown = throwing.run(EVENT);
        HandlerVerdict nothing = silent.run(EVENT);

        assertEquals(HandlerVerdict.Kind.RETRY, thrown.kind());
        assertEquals("handler boom: threw java.lang.IllegalStateException: CRM down", thrown.reason());
        assertEquals(1, throwing.handlerStates().get(0).errors());
        assertEquals(HandlerVerdict.retry("handler silent: answered no result (null)"), nothing);
    }

    @Test
    void a_handler_past_the_time_limit_is_interrupted_and_answered_retry() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        EventHandlerChain chain = chain(Duration.ofMillis(200), 4, new RecordedHandler("slow", journal, event -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return HandlerVerdict.DONE;
        }));

        long started = System.nanoTime();
        HandlerVerdict verdict = chain.run(EVENT);

        assertEquals(
                HandlerVerdict.retry("handler slow: did not finish within 200 ms (CONNECTX_HANDLER_TIMEOUT)"), verdict);
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the call was interrupted");
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "it did not wait for the handler");
        assertEquals(1, chain.handlerStates().get(0).timeouts());
    }

    @Test
    void calls_left_behind_by_a_timeout_hold_their_place_so_threads_stay_bounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordedHandler stuck = new RecordedHandler("stuck", journal, event -> {
            // swallows interrupts, as badly written code does
            while (true) {
                try {
                    release.await();
                    return HandlerVerdict.DONE;
                } catch (InterruptedException e) {
                    // and waits on
                }
            }
        });
        EventHandlerChain chain = chain(Duration.ofMillis(100), 2, stuck);
        try {
            chain.run(EVENT);
            chain.run(EVENT);
            assertEquals(2, chain.handlerStates().get(0).running());

            HandlerVerdict third = chain.run(EVENT);

            assertEquals(HandlerVerdict.Kind.RETRY, third.kind());
            assertTrue(third.reason().contains("all 2 handler calls are taken"), third.reason());
            assertEquals(2, stuck.calls().size(), "the third call never started");
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (chain.handlerStates().get(0).running() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, chain.handlerStates().get(0).running());
        assertEquals(2, stuck.calls().size());
    }

    @Test
    void an_interrupted_caller_gives_up_and_keeps_its_interrupt() {
        EventHandlerChain chain = chain(Duration.ofSeconds(30), 4, new RecordedHandler("slow", journal, event -> {
            Thread.sleep(60_000);
            return HandlerVerdict.DONE;
        }));
        Thread.currentThread().interrupt();
        try {
            HandlerVerdict verdict = chain.run(EVENT);
            assertEquals(HandlerVerdict.Kind.RETRY, verdict.kind());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void names_are_unique_and_limits_positive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> chain(
                        Duration.ofSeconds(1),
                        1,
                        RecordedHandler.done("x", journal),
                        RecordedHandler.done("x", journal)));
        assertThrows(IllegalArgumentException.class, () -> chain(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> chain(Duration.ofSeconds(1), 0));
        assertTrue(EventHandlerChain.NONE.isEmpty());
        assertEquals(HandlerVerdict.DONE, EventHandlerChain.NONE.run(EVENT));
    }
}
