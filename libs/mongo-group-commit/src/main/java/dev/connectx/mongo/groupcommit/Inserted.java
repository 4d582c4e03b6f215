package dev.connectx.mongo.groupcommit;

/** What became of one insert that MongoDB acknowledged. */
public enum Inserted {
    /** The document is now in the collection. */
    NEW,
    /** A document with its {@code _id} was there already; nothing was written. */
    DUPLICATE_ID
}
