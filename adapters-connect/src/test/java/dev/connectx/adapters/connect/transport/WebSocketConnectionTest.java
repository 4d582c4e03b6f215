package dev.connectx.adapters.connect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.protocol.MessageCodec;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How failed upgrades are classified (§1.7): 502 is maintenance, retried for longer; anything else is not. */
class WebSocketConnectionTest {

    private WebServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.get(
                                "/maintenance",
                                (req, res) -> res.status(Status.BAD_GATEWAY_502).send("maintenance"))
                        .get(
                                "/forbidden",
                                (req, res) -> res.status(Status.FORBIDDEN_403).send("no"))
                        .get(
                                "/teapot",
                                (req, res) -> res.status(Status.create(418)).send("tea")))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
        client.close();
    }

    private ConnectionFailedException open(String path) {
        return assertThrows(
                ConnectionFailedException.class,
                () -> WebSocketConnection.open(
                        client,
                        URI.create("ws://127.0.0.1:" + server.port() + path),
                        "ApiKey x",
                        Duration.ofSeconds(5),
                        1024));
    }

    @Test
    void a_502_on_the_upgrade_is_maintenance() {
        ConnectionFailedException e = open("/maintenance");

        assertTrue(e.maintenance());
        assertEquals("maintenance in progress", e.getMessage());
    }

    @Test
    void a_401_or_403_on_the_upgrade_is_a_refused_key() {
        ConnectionFailedException e = open("/forbidden");

        assertFalse(e.maintenance());
        assertEquals(java.util.OptionalInt.of(403), e.refusedStatus());
        assertEquals("Connect refused API_KEY (HTTP 403 at the WebSocket upgrade)", e.getMessage());
    }

    @Test
    void other_statuses_are_communication_errors() {
        ConnectionFailedException e = open("/teapot");

        assertFalse(e.maintenance());
        assertTrue(e.refusedStatus().isEmpty());
        assertEquals("received an unexpected status from server: 418", e.getMessage());
    }

    @Test
    void a_refused_connection_is_a_communication_error() {
        int port = server.port();
        server.stop();

        ConnectionFailedException e = assertThrows(
                ConnectionFailedException.class,
                () -> WebSocketConnection.open(
                        client, URI.create("ws://127.0.0.1:" + port + "/x"), "ApiKey x", Duration.ofSeconds(5), 1024));

        assertFalse(e.maintenance());
        assertTrue(e.getMessage().startsWith("received an unexpected exception: "), e.getMessage());
    }

    @Test
    void frames_that_nobody_reads_yet_wait_in_the_socket_beyond_the_queue_budget_and_all_arrive_in_order()
            throws Exception {
        String key = "ApiKey SU-1:queue";
        try (dev.connectx.simulator.ConnectSimulator connect = dev.connectx.simulator.ConnectSimulator.start(key, 0)) {
            WebSocketConnection connection = WebSocketConnection.open(
                    client,
                    URI.create(
                            connect.serverAddress()
                                    + "/public/v1/devops/ws/ENV-1/i?running_tasks=0&running_scheduled_tasks=0&runner_type=background"),
                    key,
                    Duration.ofSeconds(5),
                    MessageCodec.MAX_FRAME_CHARS);
            int frames = 40;
            String body = "f".repeat(MessageCodec.MAX_FRAME_CHARS - 16);
            Thread sender = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < frames; i++) {
                    connect.sendRaw("%08d".formatted(i) + body);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (connection.queuedChars() < InboundFrames.MAX_QUEUED_CHARS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(500);

            assertTrue(
                    connection.queuedChars() <= InboundFrames.MAX_QUEUED_CHARS + MessageCodec.MAX_FRAME_CHARS,
                    "queued " + connection.queuedChars() + " characters");
            assertTrue(sender.isAlive(), "the sender waits: the rest is held back in TCP");
            for (int i = 0; i < frames; i++) {
                Incoming next = connection.poll(Duration.ofSeconds(10));
                assertTrue(
                        next instanceof Incoming.Text text && text.frame().startsWith("%08d".formatted(i)),
                        "frame " + i + ": " + next);
            }
            sender.join(10_000);
            assertFalse(sender.isAlive());
            connection.abort();
        }
    }
}
