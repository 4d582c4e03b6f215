package dev.connectx.bootstrap.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request's headers must follow its first line within a deadline, or its connection is closed: a client that
 * sends headers a byte at a time must not hold a connection (and a file descriptor) for as long as it likes.
 *
 * <p>Helidon reads a connection on one virtual thread and calls {@link #prologue} and {@link #headers} on it;
 * interrupting that thread while it is blocked reading closes the socket. Waiting for the first line is bounded by
 * the server's idle timeout, which interrupts such reads by itself.
 */
final class RequestHeadDeadline implements Http1ConnectionListener, AutoCloseable {

    private final Duration deadline;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("connectx-http-deadlines").daemon(true).factory());
    private final Map<ConnectionContext, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    RequestHeadDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        Thread reader = Thread.currentThread();
        ScheduledFuture<?> cut = timer.schedule(
                () -> {
                    if (pending.remove(ctx) != null) {
                        reader.interrupt();
                    }
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(ctx, cut);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        ScheduledFuture<?> cut = pending.remove(ctx);
        if (cut != null) {
            cut.cancel(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pending.clear();
    }
}
