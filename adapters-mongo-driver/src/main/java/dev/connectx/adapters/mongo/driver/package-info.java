/** The subscription event store on the MongoDB Reactive Streams driver: one client per process, idempotent inserts. */
package dev.connectx.adapters.mongo.driver;
