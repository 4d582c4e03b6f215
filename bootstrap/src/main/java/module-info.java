/**
 * The composition root of connectx: reads configuration, starts the store (embedded MongoDB by default), wires
 * the adapters to the use cases and serves HTTP. The only module that knows every adapter.
 */
module dev.connectx.bootstrap {
    requires dev.connectx.adapters.connect;
    requires dev.connectx.adapters.extensions;
    requires dev.connectx.adapters.mongo.driver;
    requires dev.connectx.adapters.mongo.http;
    requires dev.connectx.adapters.web;
    requires dev.connectx.application;
    requires dev.connectx.dataapi;
    requires dev.connectx.embedded.mongo;
    requires dev.connectx.proxy;
    requires dev.connectx.logcontext;
    requires dev.connectx.largeobjects;
    requires io.helidon.config;
    requires io.helidon.health;
    requires io.helidon.logging.common;
    requires io.helidon.metrics.api;
    requires io.helidon.service.registry;
    requires io.helidon.webserver;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.webserver.observe.metrics;
    requires java.logging;
    requires java.management;
    requires org.mongodb.driver.reactivestreams;

    // java.util.logging instantiates its manager reflectively.
    exports dev.connectx.bootstrap.logging to
            java.logging;
}
