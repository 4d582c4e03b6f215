/**
 * What the current thread works on, as named fields, for log formatters to add to each record it logs: the task id,
 * event type and request id of a Connect task, say. On the JDK alone.
 */
module dev.connectx.logcontext {
    exports dev.connectx.logcontext;
}
