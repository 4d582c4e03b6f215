package dev.connectx.extension;

/** A Connect call that did not succeed: Connect refused it (see {@link #status()}), or could not be reached. */
public class ConnectCallException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ConnectCallException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** Connect's HTTP status; 0 when Connect gave no answer (unreachable, timed out, no Connect configured). */
    public int status() {
        return status;
    }
}
