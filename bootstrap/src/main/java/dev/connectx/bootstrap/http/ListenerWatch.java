package dev.connectx.bootstrap.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices the HTTP listener stopping by itself. Helidon's listener gives up for good when {@code accept} fails (for
 * one, when the process is out of file descriptors) and then stops its routing, which calls {@link #afterStop()}; a
 * stop connectx asked for is told apart by the {@code stopping} flag.
 */
final class ListenerWatch implements Filter {

    private static final System.Logger LOG = System.getLogger(ListenerWatch.class.getName());

    private final AtomicBoolean stopping;
    private final Runnable onListenerLost;
    private final AtomicBoolean reported = new AtomicBoolean();

    ListenerWatch(AtomicBoolean stopping, Runnable onListenerLost) {
        this.stopping = stopping;
        this.onListenerLost = onListenerLost;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        chain.proceed();
    }

    @Override
    public void afterStop() {
        if (!stopping.get() && reported.compareAndSet(false, true)) {
            LOG.log(Level.ERROR, "The HTTP listener stopped by itself; connectx cannot be reached and ends");
            onListenerLost.run();
        }
    }
}
