package com.example.connectx.webhook;

import dev.connectx.extension.Event;
import dev.connectx.extension.EventHandler;
import dev.connectx.extension.HandlerContext;
import dev.connectx.extension.HandlerResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts one JSON line per stored event, of every type, to {@code WEBHOOK_URL}: a chat channel's incoming webhook, a
 * CRM's inbox. A webhook that does not answer 2xx is retried through Connect (the event is already stored, and is not
 * stored again); the line says {@code "repeat": true} when the event was delivered before, so the receiver can
 * de-duplicate.
 */
public final class EventWebhook implements EventHandler {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public HandlerResult handle(Event event, HandlerContext context) throws Exception {
        Optional<String> url = context.settings().get("URL");
        if (url.isEmpty()) {
            return HandlerResult.retryLater("WEBHOOK_URL is not set");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.get()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(line(event, context.repeat())))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            return HandlerResult.retryLater("the webhook answered HTTP " + status);
        }
        return HandlerResult.done();
    }

    /** The event without its request (the customer's data stays in connectx). */
    static String line(Event event, boolean repeat) {
        return "{\"type\":" + quoted(event.type()) + ",\"request\":" + quoted(event.requestId()) + ",\"status\":"
                + quoted(event.status()) + ",\"subject\":" + quoted(event.subjectId()) + ",\"product\":"
                + quoted(event.productId()) + ",\"updated\":"
                + quoted(event.updated().toString()) + ",\"repeat\":"
                + repeat + "}";
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String name() {
        return "event-webhook";
    }

    @Override
    public int order() {
        return 10; // after the approvals: a line is sent once the handlers before it are done
    }

    @Override
    public String settingsPrefix() {
        return "WEBHOOK_";
    }
}
