package dev.connectx.simulator;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One runner's WebSocket connection to the simulator. */
final class SimulatedConnection implements WsListener {

    private final ConnectSimulator simulator;
    private final StringBuilder partial = new StringBuilder();
    private volatile WsSession session;
    private volatile Handshake handshake;
    private volatile boolean ready;
    private volatile boolean closedByUs;

    SimulatedConnection(ConnectSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String authorization = headers.first(HeaderNames.AUTHORIZATION).orElse(null);
        if (!simulator.apiKey().equals(authorization)) {
            throw new WsUpgradeException("unauthorized");
        }
        String[] path = prologue.uriPath().rawPath().split("/");
        Map<String, String> query = new LinkedHashMap<>();
        prologue.query()
                .names()
                .forEach(name -> query.put(name, prologue.query().get(name)));
        handshake = new Handshake(path[path.length - 2], path[path.length - 1], query, authorization, null);
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        this.session = session;
        simulator.opened(this, handshake);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (closedByUs) {
            return; // frames after our close frame count as lost: the worst a real network does
        }
        partial.append(text);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            simulator.received(this, frame);
        }
    }

    @Override
    public void onPing(WsSession session, BufferData buffer) {
        if (simulator.answersPings()) {
            synchronized (this) {
                session.pong(buffer);
            }
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        ready = false;
        simulator.closed(this);
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        ready = false;
        simulator.closed(this);
    }

    Handshake handshake() {
        return handshake;
    }

    /** The handshake is complete: setup_response and any waiting tasks are sent; others may send now. */
    synchronized void handshakeDone(Handshake completed, String setupResponse, java.util.List<String> waiting) {
        handshake = completed;
        send(setupResponse);
        waiting.forEach(this::send);
        ready = true;
    }

    boolean isReady() {
        return ready;
    }

    // Every write to the session holds this connection's monitor: Helidon's session is not safe for concurrent writes.
    synchronized void send(String text) {
        session.send(text, true);
    }

    synchronized void close(int code, String reason) {
        ready = false;
        closedByUs = true;
        session.close(code, reason);
    }

    /** Ends the connection abnormally: close code 1011 (server error), which a runner must answer by reconnecting. */
    synchronized void terminate() {
        ready = false;
        closedByUs = true;
        session.close(1011, "simulated server failure");
        simulator.closed(this);
    }
}
