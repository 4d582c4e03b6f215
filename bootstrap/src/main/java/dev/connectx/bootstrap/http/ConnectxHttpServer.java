package dev.connectx.bootstrap.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * connectx's one HTTP server, hardened: it listens where the settings say or the start fails naming the variable; it
 * holds a bounded number of connections with idle and request-head deadlines; every request passes the
 * {@link AccessFilter}; and if its listener is gone while connectx runs (as after running out of file descriptors),
 * the {@link ListenerWatch} says so to {@code onListenerLost}, so that the process can end rather than live on deaf.
 */
public final class ConnectxHttpServer implements AutoCloseable {

    /** A connection with no request for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A request's headers must be complete this long after its first line. */
    static final Duration REQUEST_HEAD_DEADLINE = Duration.ofSeconds(10);

    private final WebServer server;
    private final RequestHeadDeadline deadline;
    private final ListenerWatch watch;

    private ConnectxHttpServer(WebServer server, RequestHeadDeadline deadline, ListenerWatch watch) {
        this.server = server;
        this.deadline = deadline;
        this.watch = watch;
    }

    /**
     * Where and how the server listens.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param maxConnections connections held at once; further ones wait in the listen backlog
     * @param allowedHosts {@code Host} names answered besides loopback ones, lower case
     * @param token required on the guarded paths when present
     */
    public record Listening(
            String host,
            int port,
            int maxConnections,
            java.util.Set<String> allowedHosts,
            java.util.Optional<ApiToken> token) {}

    /**
     * Starts the server.
     *
     * @param maxPayloadBytes the largest request body any route reads
     * @param openPrefixes paths the access rules leave open (see {@link AccessFilter})
     * @param onListenerLost called once if the listener stops by itself
     * @throws CannotListenException when the address cannot be bound
     */
    public static ConnectxHttpServer start(
            Listening settings,
            long maxPayloadBytes,
            ObserveFeature observe,
            List<String> openPrefixes,
            Consumer<HttpRouting.Builder> routes,
            Runnable onListenerLost) {
        Objects.requireNonNull(onListenerLost, "onListenerLost");
        requireFree(settings);
        RequestHeadDeadline deadline = new RequestHeadDeadline(REQUEST_HEAD_DEADLINE);
        AccessFilter access = new AccessFilter(settings.allowedHosts(), settings.token(), openPrefixes);
        WebServer server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                .maxTcpConnections(settings.maxConnections())
                .idleConnectionTimeout(IDLE_TIMEOUT)
                .idleConnectionPeriod(Duration.ofSeconds(5))
                .maxPayloadSize(maxPayloadBytes)
                .addProtocol(Http1Config.builder().addReceiveListener(deadline).build())
                .addFeature(observe)
                .routing(routing -> {
                    routing.addFilter(access);
                    routes.accept(routing);
                })
                .build();
        server.start();
        if (!server.isRunning()) {
            deadline.close();
            throw cannotListen(settings, "(see the log above)");
        }
        ListenerWatch watch = new ListenerWatch(settings.host(), server.port(), onListenerLost);
        watch.start();
        return new ConnectxHttpServer(server, deadline, watch);
    }

    /**
     * Binds the address once ourselves, so that a taken port is reported in one line naming the variable rather than
     * as the web server's stack trace. (Another process could take it in between; then the server's own check
     * reports it.)
     */
    private static void requireFree(Listening settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()), 1);
        } catch (IOException e) {
            throw cannotListen(settings, "(" + e.getMessage() + ")");
        }
    }

    private static CannotListenException cannotListen(Listening settings, String why) {
        return new CannotListenException(
                "the HTTP server cannot listen on " + settings.host() + ":" + settings.port() + " " + why);
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        watch.close();
        server.stop();
        deadline.close();
    }
}
