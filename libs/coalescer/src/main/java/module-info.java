/**
 * Group commit in general, on the JDK alone: items submitted while earlier batches are away travel together in
 * the next one. The driver's group commit and the Data API store both batch through it.
 */
module dev.connectx.coalescer {
    exports dev.connectx.coalescer;
}
