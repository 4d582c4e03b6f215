package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing
                        .get("/maintenance", (req, res) -> res.status(Status.BAD_GATEWAY_502).send("maintenance"))
                        .get("/forbidden", (req, res) -> res.status(Status.FORBIDDEN_403).send("no")))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
        client.close();
    }

    private ConnectionFailedException open(String path) {
        return assertThrows(ConnectionFailedException.class, () -> WebSocketConnection.open(client,
                URI.create("ws://127.0.0.1:" + server.port() + path), "ApiKey x", Duration.ofSeconds(5), 1024));
    }

    @Test
    void a_502_on_the_upgrade_is_maintenance() {
        ConnectionFailedException e = open("/maintenance");

        assertTrue(e.maintenance());
        assertEquals("maintenance in progress", e.getMessage());
    }

    @Test
    void other_statuses_are_communication_errors() {
        ConnectionFailedException e = open("/forbidden");

        assertFalse(e.maintenance());
        assertEquals("received an unexpected status from server: 403", e.getMessage());
    }

    @Test
    void a_refused_connection_is_a_communication_error() {
        int port = server.port();
        server.stop();

        ConnectionFailedException e = assertThrows(ConnectionFailedException.class, () -> WebSocketConnection.open(client,
                URI.create("ws://127.0.0.1:" + port + "/x"), "ApiKey x", Duration.ofSeconds(5), 1024));

        assertFalse(e.maintenance());
        assertTrue(e.getMessage().startsWith("received an unexpected exception: "), e.getMessage());
    }
}
