package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.protocol.MessageCodec;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings.Timings;
import dev.connectx.adapters.connect.transport.ConnectionFailedException;
import dev.connectx.adapters.connect.transport.Incoming;
import dev.connectx.adapters.connect.transport.WebSocketConnection;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One connection's life (§1.4, §1.5): the upgrade, a ping, the {@code setup_request} and Connect's first answer;
 * then every frame to the {@link FrameHandler}, with keepalive pings, until the connection ends or the worker stops.
 */
final class ConnectSession {

    private static final System.Logger LOG = System.getLogger(ConnectSession.class.getName());
    static final String NAME = "BackgroundEventsWorker";

    private final WebSocketConnection connection;
    private final FrameHandler frames;
    private final Timings timings;
    private final boolean shutdownAtHandshake;

    private ConnectSession(
            WebSocketConnection connection, FrameHandler frames, Timings timings, boolean shutdownAtHandshake) {
        this.connection = connection;
        this.frames = frames;
        this.timings = timings;
        this.shutdownAtHandshake = shutdownAtHandshake;
    }

    /**
     * Connects and handshakes.
     *
     * @throws ConnectionFailedException when Connect cannot be reached or does not answer the handshake in time
     */
    static ConnectSession open(
            HttpClient client, URI uri, String apiKey, String setupRequest, FrameHandler frames, Timings timings)
            throws ConnectionFailedException, InterruptedException {
        Duration timeout = timings.handshakeTimeout();
        WebSocketConnection connection =
                WebSocketConnection.open(client, uri, apiKey, timeout, MessageCodec.MAX_FRAME_CHARS);
        try {
            if (!connection.ping(timeout)) {
                throw new ConnectionFailedException("no pong within " + timeout.toSeconds() + " s", false, null);
            }
            connection.send(setupRequest, timeout);
            Incoming first = connection.poll(timeout);
            if (!(first instanceof Incoming.Text text)) {
                throw new ConnectionFailedException(
                        first == null
                                ? "no answer to setup_request within " + timeout.toSeconds() + " s"
                                : "connection closed by the host during the handshake: " + first,
                        false,
                        null);
            }
            LOG.log(Level.INFO, "{0} connected to {1}", NAME, uri);
            return new ConnectSession(connection, frames, timings, frames.handle(text.frame()));
        } catch (ConnectionFailedException | InterruptedException e) {
            connection.abort();
            throw e;
        } catch (Exception e) {
            connection.abort();
            throw new ConnectionFailedException("received an unexpected exception: " + e, false, e);
        }
    }

    WebSocketConnection connection() {
        return connection;
    }

    /** Whether Connect's answer to the handshake was {@code shutdown}. */
    boolean shutdownAtHandshake() {
        return shutdownAtHandshake;
    }

    /**
     * Reads and handles frames until the connection ends or {@code stopping} says so.
     *
     * @return why to stop; empty when the connection failed and the worker should reconnect
     */
    Optional<StopReason> receive(BooleanSupplier stopping) throws InterruptedException {
        Thread keepalive = connection.keepAlive(timings.pingInterval());
        try {
            while (!stopping.getAsBoolean()) {
                switch (connection.poll(Duration.ofMillis(200))) {
                    case null -> {
                        // poll again; checks the stop flag
                    }
                    case Incoming.Text text -> {
                        if (frames.handle(text.frame())) {
                            LOG.log(Level.INFO, "{0}: shutting down...", NAME);
                            return Optional.of(StopReason.SHUTDOWN_BY_CONNECT);
                        }
                    }
                    case Incoming.Oversized oversized ->
                        LOG.log(
                                Level.WARNING,
                                "Dropped a frame of {0,number,#} characters from Connect, over the {1,number,#} limit",
                                oversized.characters(),
                                MessageCodec.MAX_FRAME_CHARS);
                    case Incoming.Closed closed -> {
                        if (closed.code() == 1000 || closed.code() == 1001) {
                            LOG.log(
                                    Level.INFO,
                                    "The WS connection has been closed, reason: {0} ({1,number,#})",
                                    closed.reason(),
                                    closed.code());
                            return Optional.of(StopReason.CLOSED_BY_CONNECT);
                        }
                        LOG.log(
                                Level.WARNING,
                                "{0}: connection closed with {1,number,#} {2}",
                                NAME,
                                closed.code(),
                                closed.reason());
                        connection.abort();
                        return Optional.empty();
                    }
                    case Incoming.Failed failed -> {
                        LOG.log(
                                Level.WARNING,
                                "{0}: connection failed: {1}",
                                NAME,
                                failed.cause().toString());
                        connection.abort();
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(StopReason.STOPPED);
        } finally {
            keepalive.interrupt();
        }
    }
}
