/**
 * The MongoDB HTTP Data API, served by connectx in front of a MongoDB it reaches with the driver.
 * A tool outside the hexagon: only bootstrap mounts it.
 */
module dev.connectx.dataapi {
    requires transitive io.helidon.webserver;
    requires transitive org.mongodb.driver.reactivestreams;
    requires dev.connectx.mongo.groupcommit;
    requires org.mongodb.bson;
    requires org.mongodb.driver.core;
    requires org.reactivestreams;
    requires reactor.core;

    exports dev.connectx.dataapi;
}
