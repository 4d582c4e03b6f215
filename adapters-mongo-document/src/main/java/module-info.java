/**
 * The MongoDB document of a subscription event, shared by the driver and Data API stores.
 * Not an adapter: a persistence format both MongoDB adapters use.
 */
module dev.connectx.adapters.mongo.document {
    requires transitive dev.connectx.application;
    requires transitive org.mongodb.bson;
    requires com.fasterxml.jackson.core;

    exports dev.connectx.adapters.mongo.document;
}
