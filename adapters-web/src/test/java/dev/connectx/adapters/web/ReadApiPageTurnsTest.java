package dev.connectx.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.RecordingState;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import io.helidon.webserver.WebServer;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pages are read a few at a time: a reader beyond them waits its turn, then gets a 503. */
class ReadApiPageTurnsTest extends ReadApiFixture {

    @Test
    void readers_beyond_the_concurrent_pages_wait_then_get_503() throws Exception {
        storeFiveEvents();
        BlockingEventReads slow = new BlockingEventReads(new ReadSubscriptionEventsService(store));
        WebServer narrow = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .routing(routing -> routing.register(
                        "/api",
                        new ReadApiService(
                                slow,
                                new StatusReport(
                                        slow,
                                        ReadBackfillStatusUseCase.none(),
                                        () -> RecordingState.idleSince(java.time.Instant.now()),
                                        () -> new ConnectionState(
                                                true, true, "ws://connect.test", "in-memory", "9.9.9"),
                                        java.time.Clock.systemUTC()),
                                new dev.connectx.largeobjects.LargeObjectTurns(1),
                                200)))
                .build()
                .start();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Reply> first = threads.submit(() -> get(narrow.port(), "/api/events"));
            slow.reading.await();

            Reply second = get(narrow.port(), "/api/events");
            assertEquals(503, second.status(), second.body());
            assertTrue(second.body().contains("too many pages"), second.body());
            slow.release.countDown();
            assertEquals(200, first.get().status());
        } finally {
            narrow.stop();
        }
    }
}
