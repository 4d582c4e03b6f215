/**
 * Inbound adapter: turns Connect's purchase requests into recorded subscription events.
 * Today it offers local delivery over HTTP; the Connect WebSocket runtime joins it here.
 */
module dev.connectx.adapters.connect {
    requires transitive dev.connectx.application;
    requires transitive io.helidon.webserver;

    requires com.fasterxml.jackson.databind;

    exports dev.connectx.adapters.connect.local;
}
