package dev.connectx.bootstrap;

import java.lang.System.Logger.Level;
import java.util.Deque;

/** Closing what was opened, newest first, logging but not stopping at a failure. */
final class Resources {

    private static final System.Logger LOG = System.getLogger(Resources.class.getName());

    private Resources() {}

    /** Pops and closes every resource of the stack. */
    static void closeAll(Deque<AutoCloseable> stack) {
        while (!stack.isEmpty()) {
            AutoCloseable resource = stack.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Failed to close " + resource, e);
            }
        }
    }
}
