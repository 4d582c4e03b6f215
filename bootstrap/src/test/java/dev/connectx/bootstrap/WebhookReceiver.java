package dev.connectx.bootstrap;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook on loopback for the webhook sample: keeps every line posted to {@code /hook}. */
final class WebhookReceiver implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final WebServer server;

    WebhookReceiver() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/hook", (request, response) -> {
                    lines.add(request.content().as(String.class));
                    response.status(Status.NO_CONTENT_204).send();
                }))
                .build()
                .start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/hook";
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        server.stop();
    }
}
