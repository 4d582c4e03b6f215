/**
 * Outbound adapter: keeps subscription events through a MongoDB HTTP Data API.
 * The module is laid out with the hexagon; its store is not written yet, so it exports nothing.
 */
module dev.connectx.adapters.mongo.http {
    requires transitive dev.connectx.application;
}
