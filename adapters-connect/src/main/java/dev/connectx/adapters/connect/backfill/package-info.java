/**
 * The backfill: lists the history Connect kept before connectx ran (or while it was down) and records each object as
 * one event of its type, through the same use case as live tasks, with a checkpoint and a lease in the store.
 */
package dev.connectx.adapters.connect.backfill;
