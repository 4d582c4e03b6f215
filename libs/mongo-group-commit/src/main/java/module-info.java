/**
 * Group commit for MongoDB inserts: {@link dev.connectx.mongo.groupcommit.GroupCommit}. A library outside the
 * hexagon, used by the driver store and the Data API server.
 */
module dev.connectx.mongo.groupcommit {
    requires transitive org.mongodb.driver.reactivestreams;
    requires transitive org.mongodb.bson;
    requires dev.connectx.coalescer;
    requires org.mongodb.driver.core;
    requires org.reactivestreams;
    requires reactor.core;

    exports dev.connectx.mongo.groupcommit;
}
