package dev.connectx.application.port.out;

/** A call to Connect that did not succeed; {@link #status()} is Connect's HTTP status, 0 when it gave none. */
public final class ConnectCallFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ConnectCallFailedException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
