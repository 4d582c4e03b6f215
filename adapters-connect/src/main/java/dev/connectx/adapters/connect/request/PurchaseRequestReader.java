package dev.connectx.adapters.connect.request;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.Printable;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestPayload;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Connect purchase-request object (the JSON the Connect REST API returns for {@code PR-…}) into a
 * subscription event. The request's text is kept unchanged as the event's payload.
 */
public final class PurchaseRequestReader {

    private final ObjectMapper json;
    private final Clock clock;

    public PurchaseRequestReader(ObjectMapper json, Clock clock) {
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the request.
     *
     * @param requestJson the request object's JSON text
     * @param taskId the task that delivered it, if any
     * @throws MalformedRequestException when the text is not one JSON object
     * @throws InvalidEventException naming the field when a required field is missing or invalid
     */
    public SubscriptionEvent read(EventType type, String requestJson, Optional<TaskId> taskId) {
        JsonNode request = parse(requestJson);
        Instant receivedAt = clock.instant();
        return new SubscriptionEvent(
                type,
                new RequestId(text(request, "id")),
                RequestStatus.fromWireName(text(request, "status")),
                new AssetId(text(request, "asset", "id")),
                new ProductId(text(request, "asset", "product", "id")),
                instant(request, "updated"),
                new RequestPayload(requestJson),
                receivedAt,
                taskId);
    }

    private JsonNode parse(String requestJson) {
        if (requestJson == null || requestJson.isBlank()) {
            throw new MalformedRequestException("the request body is empty; send one purchase-request JSON object");
        }
        JsonNode node;
        try (var parser = json.createParser(requestJson)) {
            node = json.readTree(parser);
            if (parser.nextToken() != null) {
                throw new MalformedRequestException("the request body holds more than one JSON value; send one object");
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new MalformedRequestException("the request body is not valid JSON: " + e.getOriginalMessage()
                    + (location == null
                            ? ""
                            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedRequestException("the request body must be a JSON object, not " + describe(node));
        }
        return node;
    }

    /** The string at a path; the field is named with dots, as in {@code asset.product.id}. */
    private static String text(JsonNode root, String... path) {
        String field = String.join(".", path);
        JsonNode node = root;
        for (String name : path) {
            if (!node.isObject()) {
                throw new InvalidEventException(
                        field,
                        "is required, but " + field.substring(0, field.lastIndexOf('.')) + " is " + describe(node));
            }
            node = node.get(name);
            if (node == null || node.isNull()) {
                throw new InvalidEventException(field, "is required");
            }
        }
        if (!node.isTextual()) {
            throw new InvalidEventException(field, "must be a string, not " + describe(node));
        }
        return node.textValue();
    }

    private static Instant instant(JsonNode root, String field) {
        String value = text(root, field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(
                    field,
                    Printable.quoted(value, 40)
                            + " is not an ISO-8601 date-time with offset, e.g. 2023-01-18T10:02:13+00:00");
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
