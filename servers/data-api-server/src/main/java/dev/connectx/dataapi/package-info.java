/**
 * The MongoDB HTTP Data API contract ({@code docs/mongo-data-api.md}), served in front of a MongoDB reached
 * with the Reactive Streams driver.
 */
package dev.connectx.dataapi;
