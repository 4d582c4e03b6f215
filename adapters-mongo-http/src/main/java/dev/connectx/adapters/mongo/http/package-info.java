/** The subscription event store over the MongoDB HTTP Data API: one client per process, idempotent inserts. */
package dev.connectx.adapters.mongo.http;
