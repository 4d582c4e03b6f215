package dev.connectx.bootstrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Connect on loopback, for the ahead-of-time training run only ({@code --aot-training}): it answers
 * the WebSocket handshake, the ping, the {@code setup_request} (with a {@code setup_response} and then a number of
 * purchase-request tasks) and the two REST calls each task makes, so that the training runs the path every event
 * takes in production and the cache holds its classes and their profiles. JDK only, plain HTTP/1.1 and WebSocket
 * (RFC 6455) framing; it trusts its one client, the app in the same JVM.
 */
final class AotTrainingPeer implements AutoCloseable {

    private static final Pattern MESSAGE_TYPE = Pattern.compile("\"message_type\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("/public/v1/requests/(PR-[0-9-]+)");

    private final ServerSocket server;
    private final int tasks;
    private final CountDownLatch answered;

    private AotTrainingPeer(int tasks) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.tasks = tasks;
        this.answered = new CountDownLatch(tasks);
        Thread.ofVirtual().name("aot-training-connect").start(this::accept);
    }

    /** Starts the peer; once the app has sent its {@code setup_request}, it is sent {@code tasks} tasks. */
    static AotTrainingPeer start(int tasks) throws IOException {
        return new AotTrainingPeer(tasks);
    }

    /** For {@code SERVER_ADDRESS}. */
    String webSocketAddress() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** For {@code API_ADDRESS}. */
    String apiAddress() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Waits until every task was answered; throws if that takes longer than {@code timeout}. */
    void awaitAnswers(Duration timeout) throws InterruptedException {
        if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "the training's tasks were not all answered: " + answered.getCount() + " of " + tasks + " left");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("aot-training-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (String requestLine = line(in); requestLine != null && !requestLine.isEmpty(); requestLine = line(in)) {
                Map<String, String> headers = new HashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(
                            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).trim());
                }
                if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                    webSocket(in, out, headers.get("sec-websocket-key"));
                    return;
                }
                rest(out, requestLine.split(" ")[1]);
            }
        } catch (IOException | NoSuchAlgorithmException gone) {
            // the app went away: the training is over
        }
    }

    private static void rest(OutputStream out, String target) throws IOException {
        Matcher object = REQUEST_ID.matcher(target);
        String body;
        String range = "";
        if (object.find()) {
            body = AotTraining.request(object.group(1));
        } else {
            body = "[]";
            range = "Content-Range: items 0-0/1\r\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + range + "Content-Length: " + bytes.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private void webSocket(InputStream in, OutputStream out, String key) throws IOException, NoSuchAlgorithmException {
        String accept = AotTrainingFrames.acceptKey(key);
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = in.read();
            if (first < 0) {
                return;
            }
            int opcode = first & 0x0F;
            byte[] payload = AotTrainingFrames.payload(in);
            switch (opcode) {
                case 0x9 -> AotTrainingFrames.send(out, 0xA, payload); // ping: pong
                case 0x8 -> {
                    AotTrainingFrames.send(out, 0x8, payload);
                    return;
                }
                case 0x1, 0x0 -> {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        onText(out, message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
                default -> {
                    // pongs and binary frames: nothing to do
                }
            }
        }
    }

    private void onText(OutputStream out, String text) throws IOException {
        Matcher type = MESSAGE_TYPE.matcher(text);
        if (!type.find()) {
            return;
        }
        if (type.group(1).equals("setup_request")) {
            // sent on a thread of its own, so that this one goes on reading the answers while the tasks go out
            Thread.ofVirtual().name("aot-training-tasks").start(() -> {
                try {
                    AotTrainingFrames.send(
                            out, 0x1, AotTrainingMessages.setupResponse().getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < tasks; i++) {
                        AotTrainingFrames.send(
                                out, 0x1, AotTrainingMessages.task(i).getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException gone) {
                    // the app went away
                }
            });
        } else if (type.group(1).equals("task")) {
            answered.countDown();
        }
    }

    /** One CRLF-terminated line, without its end; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
