package dev.connectx.testing.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy on 127.0.0.1, as corporate ones behave: {@code CONNECT host:port} opens a tunnel, an
 * absolute-form request ({@code GET http://host:port/path}) is forwarded, and with credentials set a request without
 * the right {@code Proxy-Authorization: Basic} is answered 407. It forwards to loopback targets only, and records what
 * it was asked for.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger challenges = new AtomicInteger();

    private LoopbackProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread.ofVirtual().name("loopback-proxy").start(this::accept);
    }

    /** A proxy that asks for no credentials. */
    public static LoopbackProxy open() {
        return start(null, null);
    }

    /** A proxy that answers 407 unless given {@code user} and {@code password} by HTTP Basic. */
    public static LoopbackProxy requiring(String user, String password) {
        return start(user, password);
    }

    private static LoopbackProxy start(String user, String password) {
        try {
            return new LoopbackProxy(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:port}, or with the credentials in it. */
    public String url(String user, String password) {
        return "http://" + (user == null ? "" : user + ":" + password + "@") + "127.0.0.1:" + port();
    }

    /** Each request line it forwarded, e.g. {@code CONNECT 127.0.0.1:4567} or {@code GET http://127.0.0.1:4567/x}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many times it answered 407. */
    public int challenges() {
        return challenges.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                connections.submit(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = HttpHead.read(in, MAX_HEAD_BYTES);
            if (head == null) {
                return;
            }
            List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
            String[] requestLine = lines.get(0).split(" ");
            if (requestLine.length != 3) {
                HttpHead.answer(client, "400 Bad Request");
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(HttpHead.header(lines, "Proxy-Authorization"))) {
                challenges.incrementAndGet();
                client.getOutputStream()
                        .write(
                                ("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                                                + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (requestLine[0].equals("CONNECT")) {
                tunnel(client, in, requestLine[1]);
            } else {
                forward(client, in, requestLine, lines);
            }
        } catch (IOException e) {
            // a client or target that went away
        }
    }

    private void tunnel(Socket client, InputStream in, String authority) throws IOException {
        URI target = URI.create("//" + authority);
        if (!isLoopback(target.getHost())) {
            HttpHead.answer(client, "403 Forbidden");
            return;
        }
        requests.add("CONNECT " + authority);
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            open.add(upstream);
            client.getOutputStream()
                    .write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            pipe(in, client.getOutputStream(), upstream);
        }
    }

    private void forward(Socket client, InputStream in, String[] requestLine, List<String> lines) throws IOException {
        URI target = URI.create(requestLine[1]);
        if (target.getHost() == null || !isLoopback(target.getHost())) {
            HttpHead.answer(client, "403 Forbidden");
            return;
        }
        requests.add(requestLine[0] + " " + requestLine[1]);
        StringBuilder head = new StringBuilder()
                .append(requestLine[0])
                .append(' ')
                .append(target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                .append(' ')
                .append(requestLine[2])
                .append("\r\n");
        for (String line : lines.subList(1, lines.size())) {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip();
            if (!name.equalsIgnoreCase("Proxy-Authorization")
                    && !name.equalsIgnoreCase("Proxy-Connection")
                    && !name.equalsIgnoreCase("Connection")) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n"); // one request per connection: the next one is absolute-form again
        try (Socket upstream = new Socket(target.getHost(), target.getPort() < 0 ? 80 : target.getPort())) {
            open.add(upstream);
            upstream.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            pipe(in, client.getOutputStream(), upstream);
        }
    }

    /** Copies both ways until either side ends. */
    private void pipe(InputStream fromClient, OutputStream toClient, Socket upstream) throws IOException {
        Thread up = Thread.ofVirtual().start(() -> {
            try {
                fromClient.transferTo(upstream.getOutputStream());
                upstream.shutdownOutput();
            } catch (IOException e) {
                // either side closed
            }
        });
        try {
            upstream.getInputStream().transferTo(toClient);
        } finally {
            up.interrupt();
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
        connections.shutdownNow();
    }
}
