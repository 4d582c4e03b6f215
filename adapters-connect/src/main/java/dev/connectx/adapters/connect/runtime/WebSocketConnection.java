package dev.connectx.adapters.connect.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket connection to Connect on the JDK's client: whole text frames (up to a size limit) arrive on a
 * queue in order, sends are serialized, and pings measure whether the peer is alive.
 *
 * <p>Frames waiting to be read are bounded in characters: past {@value #MAX_QUEUED_CHARS}, no more are asked of the
 * socket until the reader has caught up, so that a peer sending faster than connectx works waits in TCP rather than
 * in memory.
 *
 * <p>The JDK client is used rather than Helidon's: Helidon's 4.5 WebSocket client is not published where this
 * project builds, and mixing in 4.2 is untested.
 */
final class WebSocketConnection implements WebSocket.Listener {

    private static final System.Logger LOG = System.getLogger(WebSocketConnection.class.getName());

    /** Characters of whole frames queued before the socket is asked for more. */
    static final long MAX_QUEUED_CHARS = 32L * 1024 * 1024;

    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicLong queuedChars = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean demandHeld = new java.util.concurrent.atomic.AtomicBoolean();
    private final ReentrantLock sending = new ReentrantLock();
    private final int maxFrameChars;
    private final StringBuilder partial = new StringBuilder();
    private long partialLength;
    private volatile WebSocket socket;
    private volatile CompletableFuture<Void> pong = new CompletableFuture<>();

    private WebSocketConnection(int maxFrameChars) {
        this.maxFrameChars = maxFrameChars;
    }

    /**
     * Opens a connection.
     *
     * @throws ConnectionFailedException when the upgrade fails or times out; {@code maintenance} on HTTP 502
     */
    static WebSocketConnection open(HttpClient client, URI uri, String authorization, Duration timeout, int maxFrameChars)
            throws ConnectionFailedException, InterruptedException {
        WebSocketConnection connection = new WebSocketConnection(maxFrameChars);
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder()
                .header("Authorization", authorization)
                .connectTimeout(timeout)
                .buildAsync(uri, connection);
        try {
            connection.socket = opening.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return connection;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                throw new ConnectionFailedException(status == 502 ? "maintenance in progress" : "received an unexpected status from server: " + status,
                        status == 502, cause);
            }
            throw new ConnectionFailedException("received an unexpected exception: " + cause, false, cause);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new ConnectionFailedException("no answer to the WebSocket upgrade within " + timeout.toSeconds() + " s", false, e);
        }
    }

    /** The next thing that arrived, waiting at most {@code timeout}; null when nothing did. */
    Incoming poll(Duration timeout) throws InterruptedException {
        Incoming next = incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next instanceof Incoming.Text text) {
            long left = queuedChars.addAndGet(-text.frame().length());
            if (left <= MAX_QUEUED_CHARS / 2 && demandHeld.compareAndSet(true, false)) {
                socket.request(1);
            }
        }
        return next;
    }

    /** Characters of whole frames received and not yet polled. */
    long queuedChars() {
        return queuedChars.get();
    }

    /** Sends one text frame and waits until the socket has taken it. */
    void send(String frame, Duration timeout) throws Exception {
        sending.lock();
        try {
            socket.sendText(frame, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            sending.unlock();
        }
    }

    /** Pings and waits for the pong. */
    boolean ping(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        pong = answer;
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

    /** Closes with a close frame, waits (at most 2 s) for the peer's close frame, then releases the socket. */
    void close(int code, String reason) throws InterruptedException {
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
            LOG.log(System.Logger.Level.DEBUG, "close frame not sent: {0}", e.toString());
        }
        socket.abort();
    }

    /** Drops the connection and reports {@code cause} to the reader, as if the socket had failed. */
    void failWith(Throwable cause) {
        socket.abort();
        incoming.add(new Incoming.Failed(cause));
    }

    /** Drops the connection at once. */
    void abort() {
        socket.abort();
    }

    boolean isOpen() {
        WebSocket current = socket;
        return current != null && !current.isInputClosed() && !current.isOutputClosed();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialLength += data.length();
        if (partialLength <= maxFrameChars) {
            partial.append(data);
        } else {
            partial.setLength(0); // keep reading the rest of the frame, drop it whole
        }
        if (last) {
            if (partialLength <= maxFrameChars) {
                queuedChars.addAndGet(partialLength);
                incoming.add(new Incoming.Text(partial.toString()));
            } else {
                incoming.add(new Incoming.Oversized(partialLength));
            }
            partial.setLength(0);
            partialLength = 0;
            if (queuedChars.get() > MAX_QUEUED_CHARS) {
                demandHeld.set(true); // poll() asks for more once the reader has caught up
                if (queuedChars.get() > MAX_QUEUED_CHARS / 2 || !demandHeld.compareAndSet(true, false)) {
                    return null;
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1); // Connect sends no binary frames; ignore any
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pong.complete(null);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        incoming.add(new Incoming.Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        incoming.add(new Incoming.Failed(error));
    }
}
