/**
 * Turns for large objects, shared by every path that may hold one: a small heap stays enough for requests near
 * MongoDB's 16 MiB limit however many arrive at once, because they take turns.
 */
module dev.connectx.largeobjects {
    exports dev.connectx.largeobjects;
}
