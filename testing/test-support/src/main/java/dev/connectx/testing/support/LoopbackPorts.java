package dev.connectx.testing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for tests that must name a port before something listens on it. */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /** A port nothing listens on at the moment of the call (another process may still take it before the test does). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
