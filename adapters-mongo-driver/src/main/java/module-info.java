/**
 * Outbound adapter: keeps subscription events in MongoDB through the Reactive Streams driver.
 * Public: {@link dev.connectx.adapters.mongo.driver.MongoDriverSubscriptionEventStore}, its settings, and the
 * {@link dev.connectx.adapters.mongo.driver.SharedMongoClient} that stores on one MongoDB share.
 */
module dev.connectx.adapters.mongo.driver {
    requires transitive dev.connectx.application;
    requires dev.connectx.adapters.mongo.document;
    requires dev.connectx.mongo.groupcommit;
    requires org.mongodb.bson;
    requires org.mongodb.driver.core;
    requires transitive org.mongodb.driver.reactivestreams;
    requires org.reactivestreams;
    requires reactor.core;

    exports dev.connectx.adapters.mongo.driver;
}
