/**
 * Inbound adapter: turns Connect's purchase requests into recorded subscription events, either as the Connect
 * extension runtime (the DevOps WebSocket protocol, a drop-in for the Python runner) or by local delivery over HTTP.
 */
module dev.connectx.adapters.connect {
    requires transitive dev.connectx.application;
    requires transitive io.helidon.webserver;
    requires com.fasterxml.jackson.databind;
    requires transitive dev.connectx.proxy;
    requires dev.connectx.logcontext;
    requires transitive dev.connectx.largeobjects;
    requires transitive java.net.http;

    exports dev.connectx.adapters.connect.access;
    exports dev.connectx.adapters.connect.backfill;
    exports dev.connectx.adapters.connect.local;
    exports dev.connectx.adapters.connect.runtime;
}
