package dev.connectx.adapters.connect.transport;

/** What the WebSocket delivered to the worker, in order. */
public sealed interface Incoming {

    /** One whole text frame. */
    record Text(String frame) implements Incoming {}

    /** A frame over the size limit, dropped; its size is reported. */
    record Oversized(long characters) implements Incoming {}

    /** The peer closed the connection with a close frame. */
    record Closed(int code, String reason) implements Incoming {}

    /** The connection failed (reset, keepalive timeout, protocol error). */
    record Failed(Throwable cause) implements Incoming {}
}
