/** The document a subscription event becomes in MongoDB, and back; literal JSON to BSON for the request. */
package dev.connectx.adapters.mongo.document;
