package dev.connectx.adapters.connect.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectx.adapters.connect.request.MalformedRequestException;
import dev.connectx.adapters.connect.request.PurchaseRequestReader;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.SubscriptionEvent;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /purchase-requests}: delivers one purchase-request object as an
 * {@code asset_purchase_request_processing} event, and answers the event's result.
 *
 * <p>Answers 200 with {@code {"result": "success|skip|retry|fail", "message": …}} once the request was read;
 * 400 with {@code {"error": …, "field": …}} when it cannot be read, storing nothing; 403 to any caller that is
 * not on this machine; 413 for a body over the size limit.
 */
public final class LocalDeliveryService implements HttpService {

    private static final System.Logger LOG = System.getLogger(LocalDeliveryService.class.getName());

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDelivery delivery;
    private final PurchaseRequestReader reader;
    private final int maxBodyBytes;

    /**
     * @param maxBodyBytes the largest body read; larger ones are answered 413 without being stored
     */
    public LocalDeliveryService(LocalDelivery delivery, Clock clock, int maxBodyBytes) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.reader = new PurchaseRequestReader(json, clock);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/purchase-requests", this::deliver);
    }

    private void deliver(ServerRequest request, ServerResponse response) {
        if (!isLoopback(request.remotePeer().address())) {
            send(response, Status.FORBIDDEN_403, error("local delivery only answers callers on this machine", null));
            return;
        }
        Optional<String> body = readBody(request);
        if (body.isEmpty()) {
            send(response, Status.REQUEST_ENTITY_TOO_LARGE_413,
                    error("the request body is over the limit of " + maxBodyBytes + " bytes", null));
            return;
        }
        SubscriptionEvent event;
        try {
            event = reader.read(EventType.ASSET_PURCHASE_REQUEST_PROCESSING, body.get(), Optional.empty());
        } catch (InvalidEventException e) {
            send(response, Status.BAD_REQUEST_400, error(e.getMessage(), e.field()));
            return;
        } catch (MalformedRequestException e) {
            send(response, Status.BAD_REQUEST_400, error(e.getMessage(), null));
            return;
        }
        RecordOutcome outcome = delivery.deliver(event);
        LOG.log(Level.INFO, "Local delivery of {0}: {1} ({2})", event.key(), outcome.result().wireName(), outcome.message());
        ObjectNode answer = json.createObjectNode()
                .put("result", outcome.result().wireName())
                .put("message", outcome.message());
        send(response, Status.OK_200, answer);
    }

    /** The body as text, or empty when it is longer than the limit. */
    private Optional<String> readBody(ServerRequest request) {
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode error(String message, String field) {
        ObjectNode error = json.createObjectNode().put("error", message);
        if (field != null) {
            error.put("field", field);
        }
        return error;
    }

    private void send(ServerResponse response, Status status, ObjectNode body) {
        try {
            response.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }

    private static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
    }
}
