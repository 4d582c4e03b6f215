/**
 * Outbound adapter: keeps subscription events through a MongoDB HTTP Data API (any server that keeps the
 * contract, connectx's own included). Only the store and its settings are public.
 */
module dev.connectx.adapters.mongo.http {
    requires transitive dev.connectx.application;
    requires dev.connectx.adapters.mongo.document;
    requires dev.connectx.coalescer;
    requires transitive dev.connectx.proxy;
    requires io.helidon.webclient;
    requires org.mongodb.bson;

    exports dev.connectx.adapters.mongo.http;
}
