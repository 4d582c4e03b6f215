/**
 * An embedded MongoDB-speaking server for machines without MongoDB: connectx's storage default and a test peer.
 * It lives outside the hexagon; the driver adapter talks to it over the wire like to any MongoDB.
 */
package dev.connectx.embedded.mongo;
