package dev.connectx.dataapi;

import com.mongodb.reactivestreams.client.MongoClient;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * {@code POST /app/{appId}/endpoint/data/{version}/action/{action}}: the MongoDB HTTP Data API (§A), in front of a
 * MongoDB reached with the driver.
 *
 * <p>Keys come from configuration and are sent as {@code api-key} or {@code apiKey} (any case). Bodies are read as
 * JSON or Extended JSON (canonical or relaxed); answers are canonical EJSON when {@code Accept: application/ejson},
 * else plain JSON (ObjectIds and dates as strings). Inserts answer 201, everything else 200; errors carry
 * {@code {"error", "error_code"}}: 400 malformed (naming the field), 401 no or wrong key, 403 outside what the keys may
 * reach ({@link DataApiScope}: the configured databases only, no writing or cross-database pipeline stages, no
 * server-side JavaScript), 404 unknown action, 413 over 18 MB, 503 MongoDB unavailable.
 */
public final class DataApiService implements HttpService, AutoCloseable {

    /** The hosted Data API's request limit. */
    public static final int MAX_BODY_BYTES = 18 * 1000 * 1000;

    private static final System.Logger LOG = System.getLogger(DataApiService.class.getName());
    private static final List<HeaderName> KEY_HEADERS =
            List.of(HeaderNames.create("api-key"), HeaderNames.create("apiKey"));
    private static final String EJSON = "application/ejson";
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final JsonWriterSettings PLAIN = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .objectIdConverter((id, writer) -> writer.writeString(id.toHexString()))
            .dateTimeConverter((millis, writer) ->
                    writer.writeString(Instant.ofEpochMilli(millis).toString()))
            .int64Converter((value, writer) -> writer.writeNumber(Long.toString(value)))
            .decimal128Converter((value, writer) -> writer.writeString(value.toString()))
            .build();

    private final DataApiActions actions;
    private final List<byte[]> keys;
    private final DataApiScope scope;

    /**
     * @param apiKeys the accepted keys; at least one
     * @param databases the databases served; at least one
     * @param timeout the most one action may take
     */
    public DataApiService(MongoClient client, Set<String> apiKeys, Set<String> databases, Duration timeout) {
        Objects.requireNonNull(client, "client");
        if (apiKeys.isEmpty() || apiKeys.stream().anyMatch(key -> key == null || key.isBlank())) {
            throw new IllegalArgumentException("the Data API server needs at least one non-empty key");
        }
        this.scope = new DataApiScope(databases);
        this.actions = new DataApiActions(client, timeout);
        this.keys = apiKeys.stream()
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /** Stops the group commits; inserts still queued fail. The MongoDB client stays the caller's to close. */
    @Override
    public void close() {
        actions.close();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/app/{appId}/endpoint/data/{version}/action/{action}", this::handle);
    }

    private void handle(ServerRequest request, ServerResponse response) {
        boolean ejsonAnswer = request.headers()
                .first(HeaderNames.ACCEPT)
                .map(accept -> accept.contains(EJSON))
                .orElse(false);
        String action = request.path().pathParameters().get("action");
        ActionAnswer answer;
        try {
            authenticate(request);
            DataApiRequest parsed = new DataApiRequest(parse(request));
            scope.check(parsed);
            answer = actions.run(action, parsed);
        } catch (DataApiException e) {
            if (e.status() >= 500) {
                LOG.log(Level.WARNING, "Data API {0}: {1}", action, e.getMessage());
            }
            answer = new ActionAnswer(
                    e.status(),
                    new BsonDocument("error", new org.bson.BsonString(e.getMessage()))
                            .append("error_code", new org.bson.BsonString(e.errorCode())));
        }
        response.status(Status.create(answer.status()))
                .header(HeaderNames.CONTENT_TYPE, ejsonAnswer ? EJSON : "application/json")
                .send(answer.body().toJson(ejsonAnswer ? CANONICAL : PLAIN));
    }

    private void authenticate(ServerRequest request) {
        Optional<String> presented = KEY_HEADERS.stream()
                .map(name -> request.headers().first(name))
                .flatMap(Optional::stream)
                .findFirst();
        if (presented.isEmpty()) {
            throw new DataApiException(401, "InvalidParameter", "no authentication methods were specified");
        }
        byte[] candidate = presented.get().getBytes(StandardCharsets.UTF_8);
        if (keys.stream().noneMatch(key -> MessageDigest.isEqual(key, candidate))) {
            throw new DataApiException(401, "InvalidSession", "invalid session: error finding user for endpoint");
        }
    }

    private static BsonDocument parse(ServerRequest request) {
        byte[] body;
        try (InputStream in = request.content().inputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new DataApiException(413, "RequestTooLarge", "the request body is over the 18 MB limit");
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw DataApiException.invalid("the request body is empty");
        }
        try {
            return BsonDocument.parse(text);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw DataApiException.invalid("the request body is not valid JSON or Extended JSON: " + e.getMessage());
        }
    }
}
