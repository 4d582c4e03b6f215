package dev.connectx.adapters.connect.transport;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listening half of a {@link WebSocketConnection}: assembles text frames up to a size limit and queues them, in
 * order, with the close, the failure and the pongs.
 *
 * <p>Frames waiting to be read are bounded in characters: past {@value #MAX_QUEUED_CHARS}, no more are asked of the
 * socket until the reader has caught up, so that a peer sending faster than connectx works waits in TCP rather than
 * in memory.
 */
final class InboundFrames implements WebSocket.Listener {

    /** Characters of whole frames queued before the socket is asked for more. */
    static final long MAX_QUEUED_CHARS = 32L * 1024 * 1024;

    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicBoolean demandHeld = new AtomicBoolean();
    private final int maxFrameChars;
    private final StringBuilder partial = new StringBuilder();
    private long partialLength;
    private volatile WebSocket socket;
    private volatile CompletableFuture<Void> pong = new CompletableFuture<>();

    InboundFrames(int maxFrameChars) {
        this.maxFrameChars = maxFrameChars;
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

    long queuedChars() {
        return queuedChars.get();
    }

    /** Completes with the next pong. */
    CompletableFuture<Void> nextPong() {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        pong = answer;
        return answer;
    }

    /** Reports a failure to the reader, as if the socket had failed. */
    void fail(Throwable cause) {
        incoming.add(new Incoming.Failed(cause));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
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
