/**
 * Inbound adapter: what connectx has kept, over HTTP. The read API ({@code /api/requests/{id}/events},
 * {@code /api/assets/{id}}, {@code /api/events}, {@code /api/status}) and the status page ({@code /}).
 */
module dev.connectx.adapters.web {
    requires transitive dev.connectx.application;
    requires transitive io.helidon.webserver;
    requires com.fasterxml.jackson.core;
    requires transitive dev.connectx.largeobjects;

    exports dev.connectx.adapters.web;
}
