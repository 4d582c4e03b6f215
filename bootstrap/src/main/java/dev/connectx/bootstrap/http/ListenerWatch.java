package dev.connectx.bootstrap.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices the HTTP listener gone while connectx runs, so that the process ends instead of living on deaf. Helidon's
 * listener gives up for good when {@code accept} fails (as when the process is out of file descriptors): it closes
 * its socket and then waits on itself for ever, and tells no one (Helidon 4.5). So this connects to the listener
 * every few seconds; two refusals in a row mean no one listens any more. A failure to open the probe's own socket
 * (no descriptor left) proves nothing and is not counted.
 */
final class ListenerWatch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ListenerWatch.class.getName());
    static final Duration EVERY = Duration.ofSeconds(3);

    private final InetSocketAddress target;
    private final Runnable onListenerLost;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;

    ListenerWatch(String boundHost, int port, Runnable onListenerLost) {
        this.target = new InetSocketAddress(probeAddress(boundHost), port);
        this.onListenerLost = onListenerLost;
        this.thread =
                Thread.ofPlatform().daemon(true).name("connectx-http-watch").unstarted(this::watch);
    }

    void start() {
        thread.start();
    }

    private void watch() {
        int refusedInARow = 0;
        while (!stopped.get()) {
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            }
            try (Socket probe = new Socket()) {
                probe.connect(target, 2000);
                refusedInARow = 0;
            } catch (ConnectException refused) {
                refusedInARow++;
                if (refusedInARow >= 2 && !stopped.get()) {
                    LOG.log(
                            Level.ERROR,
                            "The HTTP listener on {0} is gone (connections refused); connectx cannot be reached and ends",
                            target);
                    onListenerLost.run();
                    return;
                }
            } catch (IOException unclear) {
                LOG.log(Level.DEBUG, "The HTTP listener probe could not tell: {0}", unclear.toString());
            }
        }
    }

    /** Where to reach a listener bound to {@code host}: a wildcard address is reached on loopback. */
    private static InetAddress probeAddress(String host) {
        try {
            InetAddress bound = InetAddress.getByName(host);
            return bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        } catch (IOException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    @Override
    public void close() {
        stopped.set(true);
        thread.interrupt();
    }
}
