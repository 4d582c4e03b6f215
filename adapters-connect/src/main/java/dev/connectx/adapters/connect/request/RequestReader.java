package dev.connectx.adapters.connect.request;

import static dev.connectx.adapters.connect.request.JsonFields.describe;
import static dev.connectx.adapters.connect.request.JsonFields.instant;
import static dev.connectx.adapters.connect.request.JsonFields.present;
import static dev.connectx.adapters.connect.request.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.domain.AccountId;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.Printable;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.ReportedStatus;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestPayload;
import dev.connectx.domain.Subject;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import dev.connectx.domain.TierConfigId;
import dev.connectx.domain.TierConfigSubject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Connect request object into a subscription event of the given type: an asset request (the JSON the REST API
 * returns for {@code PR-…}: {@code asset.id}, {@code asset.product.id}, {@code asset.status}) or a tier configuration
 * request ({@code TCR-…}: {@code configuration.id}, {@code .account.id}, {@code .product.id}, {@code .tier_level},
 * {@code .status}). The request's text is kept unchanged as the event's payload.
 *
 * <p>A tier configuration request's time is its {@code updated}, or {@code events.updated.at} where it has none:
 * Connect's read schema shows only the latter, while its list API filters on the former.
 */
public final class RequestReader {

    private final ObjectMapper json;
    private final Clock clock;

    public RequestReader(ObjectMapper json, Clock clock) {
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
        return read(type, parse(requestJson), requestJson, taskId, EventSource.TASK);
    }

    /**
     * Reads a request already parsed, e.g. one object of a list page.
     *
     * @param requestJson the request's text, kept as the event's payload
     * @throws InvalidEventException naming the field when a required field is missing or invalid
     */
    public SubscriptionEvent read(
            EventType type, JsonNode request, String requestJson, Optional<TaskId> taskId, EventSource source) {
        Instant receivedAt = clock.instant();
        boolean asset = type.family() == RequestFamily.ASSET_REQUEST;
        return new SubscriptionEvent(
                type,
                new RequestId(text(request, "id")),
                type.status(text(request, "status")),
                asset ? assetSubject(request) : tierConfigSubject(request),
                updated(type.family(), request),
                new RequestPayload(requestJson),
                receivedAt,
                taskId,
                source);
    }

    /**
     * A request's time: its {@code updated}, or, for a tier configuration request without one, its
     * {@code events.updated.at}.
     *
     * @throws InvalidEventException when it has neither, or it is not an instant
     */
    public static Instant updated(RequestFamily family, JsonNode request) {
        return family == RequestFamily.ASSET_REQUEST || present(request, "updated")
                ? instant(request, "updated")
                : instant(request, "events", "updated", "at");
    }

    /** The event type of a request posted on its own: its family from the id, then its {@code type}. */
    public EventType typeOf(String requestJson) {
        JsonNode request = parse(requestJson);
        RequestFamily family = new RequestId(text(request, "id")).family();
        String requestType = text(request, "type");
        return EventType.of(family, requestType)
                .orElseThrow(() -> new InvalidEventException(
                        "type",
                        Printable.quoted(requestType, 40) + " is not a request type connectx records for "
                                + family.idPrefix() + "… requests"));
    }

    private static Subject assetSubject(JsonNode request) {
        return new AssetSubject(
                new AssetId(text(request, "asset", "id")),
                new ProductId(text(request, "asset", "product", "id")),
                reported(request, "asset", "status"));
    }

    private static Subject tierConfigSubject(JsonNode request) {
        return new TierConfigSubject(
                new TierConfigId(text(request, "configuration", "id")),
                new AccountId(text(request, "configuration", "account", "id")),
                new ProductId(text(request, "configuration", "product", "id")),
                tierLevel(request),
                reported(request, "configuration", "status"));
    }

    /** An optional status the request reports of its subject: absent or null is none, anything else must be one. */
    private static Optional<ReportedStatus> reported(JsonNode root, String parent, String field) {
        JsonNode owner = root.get(parent);
        if (owner == null || !owner.isObject() || !present(owner, field)) {
            return Optional.empty();
        }
        return Optional.of(new ReportedStatus(text(root, parent, field)));
    }

    /** {@code configuration.tier_level}: 1 or 2, as a number or as a string. */
    private static Optional<Integer> tierLevel(JsonNode root) {
        JsonNode level = root.path("configuration").get("tier_level");
        if (level == null || level.isNull()) {
            return Optional.empty();
        }
        if (level.isIntegralNumber() && level.canConvertToInt()) {
            return Optional.of(level.intValue());
        }
        if (level.isTextual() && level.textValue().matches("[12]")) {
            return Optional.of(Integer.parseInt(level.textValue()));
        }
        throw new InvalidEventException("configuration.tier_level", "must be 1 or 2, not " + describe(level));
    }

    private JsonNode parse(String requestJson) {
        if (requestJson == null || requestJson.isBlank()) {
            throw new MalformedRequestException("the request body is empty; send one request JSON object");
        }
        JsonNode node;
        try (var parser = json.createParser(requestJson)) {
            node = parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT
                    ? WantedFields.readRequest(json, parser)
                    : json.readTree(parser);
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
}
