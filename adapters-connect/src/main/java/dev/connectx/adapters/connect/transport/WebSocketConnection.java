package dev.connectx.adapters.connect.transport;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket connection to Connect on the JDK's client: whole text frames (up to a size limit) arrive on a
 * queue in order ({@link InboundFrames}, bounded), sends are serialized, and pings measure whether the peer is alive.
 *
 * <p>The JDK client is used rather than Helidon's: Helidon's 4.5 WebSocket client is not published where this
 * project builds, and mixing in 4.2 is untested.
 */
public final class WebSocketConnection {

    private static final System.Logger LOG = System.getLogger(WebSocketConnection.class.getName());

    private final InboundFrames inbound;
    private final WebSocket socket;
    private final ReentrantLock sending = new ReentrantLock();

    private WebSocketConnection(InboundFrames inbound, WebSocket socket) {
        this.inbound = inbound;
        this.socket = socket;
    }

    /**
     * Opens a connection.
     *
     * @throws ConnectionFailedException when the upgrade fails or times out; {@code maintenance} on HTTP 502, a
     *     refused key on 401 and 403
     */
    public static WebSocketConnection open(
            HttpClient client, URI uri, String authorization, Duration timeout, int maxFrameChars)
            throws ConnectionFailedException, InterruptedException {
        InboundFrames inbound = new InboundFrames(maxFrameChars);
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder()
                .header("Authorization", authorization)
                .connectTimeout(timeout)
                .buildAsync(uri, inbound);
        try {
            return new WebSocketConnection(inbound, opening.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                if (status == 401 || status == 403) {
                    throw ConnectionFailedException.keyRefused(status, cause);
                }
                throw new ConnectionFailedException(
                        status == 502
                                ? "maintenance in progress"
                                : "received an unexpected status from server: " + status,
                        status == 502,
                        cause);
            }
            throw new ConnectionFailedException("received an unexpected exception: " + cause, false, cause);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new ConnectionFailedException(
                    "no answer to the WebSocket upgrade within " + timeout.toSeconds() + " s", false, e);
        }
    }

    /** The next thing that arrived, waiting at most {@code timeout}; null when nothing did. */
    public Incoming poll(Duration timeout) throws InterruptedException {
        return inbound.poll(timeout);
    }

    /** Characters of whole frames received and not yet polled. */
    long queuedChars() {
        return inbound.queuedChars();
    }

    /** Sends one text frame and waits until the socket has taken it. */
    public void send(String frame, Duration timeout) throws Exception {
        sending.lock();
        try {
            socket.sendText(frame, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            sending.unlock();
        }
    }

    /** Pings and waits for the pong. */
    public boolean ping(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> answer = inbound.nextPong();
        try {
            sending.lock();
            try {
                socket.sendPing(ByteBuffer.wrap(new byte[] {'c', 'x'})).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                sending.unlock();
            }
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Pings every {@code interval} on a virtual thread of its own until the connection ends; a ping not answered within
     * {@code interval} fails the connection, which the reader sees as {@link Incoming.Failed}.
     *
     * @return the pinging thread, to interrupt once the connection is no longer read
     */
    public Thread keepAlive(Duration interval) {
        return Thread.ofVirtual().name("connectx-keepalive").start(() -> {
            try {
                while (isOpen()) {
                    Thread.sleep(interval.toMillis());
                    if (isOpen() && !ping(interval)) {
                        LOG.log(Level.WARNING, "No pong within {0,number,#} s, reconnecting", interval.toSeconds());
                        failWith(new TimeoutException("keepalive ping timed out"));
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the connection is no longer read
            }
        });
    }

    /** Closes with a close frame, waits (at most 2 s) for the peer's close frame, then releases the socket. */
    public void close(int code, String reason) throws InterruptedException {
        try {
            sending.lock();
            try {
                socket.sendClose(code, reason).get(2, TimeUnit.SECONDS);
            } finally {
                sending.unlock();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!socket.isInputClosed() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "close frame not sent: {0}", e.toString());
        }
        socket.abort();
    }

    /** Drops the connection and reports {@code cause} to the reader, as if the socket had failed. */
    public void failWith(Throwable cause) {
        socket.abort();
        inbound.fail(cause);
    }

    /** Drops the connection at once. */
    public void abort() {
        socket.abort();
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }
}
