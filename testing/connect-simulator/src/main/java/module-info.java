/**
 * A Connect peer for tests and local mode: the DevOps WebSocket and the REST endpoints of a background task.
 * Outside the hexagon; nothing in the core depends on it.
 */
module dev.connectx.simulator {
    requires transitive io.helidon.webserver;
    requires io.helidon.webserver.websocket;
    requires io.helidon.websocket;
    requires com.fasterxml.jackson.databind;

    exports dev.connectx.simulator;
}
