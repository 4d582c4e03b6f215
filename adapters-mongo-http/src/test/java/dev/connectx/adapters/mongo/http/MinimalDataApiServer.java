package dev.connectx.adapters.mongo.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A Data API server written in the test from docs/mongo-data-api.md alone (insertOne and findOne by _id,
 * in memory), independent of connectx's own server, so that the two sides cannot share a misunderstanding
 * unnoticed. It can also be told to answer every call with a fixed status.
 */
final class MinimalDataApiServer implements AutoCloseable {

    private final String key;
    private final WebServer server;
    private final Map<String, BsonDocument> documents = new ConcurrentHashMap<>();
    private final AtomicReference<int[]> forcedStatus = new AtomicReference<>();

    MinimalDataApiServer(String key) {
        this.key = key;
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/app/{app}/endpoint/data/v1/action/{action}", this::handle))
                .build()
                .start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port() + "/app/data-test/endpoint/data/v1";
    }

    /** Answers every call with this status and a contract error body, until cleared with 0. */
    void answerEverythingWith(int status) {
        forcedStatus.set(status == 0 ? null : new int[] {status});
    }

    int stored() {
        return documents.size();
    }

    private void handle(ServerRequest request, ServerResponse response) {
        int[] forced = forcedStatus.get();
        if (forced != null) {
            reply(response, forced[0], "{\"error\":\"forced by the test\",\"error_code\":\"Forced\"}");
            return;
        }
        String presented = request.headers()
                .first(HeaderNames.create("api-key"))
                .or(() -> request.headers().first(HeaderNames.create("apiKey")))
                .orElse(null);
        if (presented == null) {
            reply(
                    response,
                    401,
                    "{\"error\":\"no authentication methods were specified\",\"error_code\":\"InvalidParameter\"}");
            return;
        }
        if (!presented.equals(key)) {
            reply(
                    response,
                    401,
                    "{\"error\":\"invalid session: error finding user for endpoint\",\"error_code\":\"InvalidSession\"}");
            return;
        }
        BsonDocument body = BsonDocument.parse(request.content().as(String.class));
        boolean ejson = request.headers().first(HeaderNames.ACCEPT).orElse("").contains("application/ejson");
        JsonWriterSettings out = JsonWriterSettings.builder()
                .outputMode(ejson ? JsonMode.EXTENDED : JsonMode.RELAXED)
                .build();
        switch (request.path().pathParameters().get("action")) {
            case "insertOne" -> {
                BsonDocument document = body.getDocument("document");
                String id = document.get("_id").asString().getValue();
                if (documents.putIfAbsent(id, document) != null) {
                    reply(
                            response,
                            400,
                            "{\"error\":\"E11000 duplicate key error collection: "
                                    + body.getString("collection").getValue() + " index: _id_ dup key: { _id: \\\"" + id
                                    + "\\\" }\",\"error_code\":\"WriteError\"}");
                    return;
                }
                reply(response, 201, new BsonDocument("insertedId", document.get("_id")).toJson(out));
            }
            case "findOne" -> {
                BsonDocument found = documents.get(
                        body.getDocument("filter").get("_id").asString().getValue());
                reply(
                        response,
                        200,
                        found == null ? "{\"document\":null}" : new BsonDocument("document", found).toJson(out));
            }
            default -> reply(response, 404, "");
        }
    }

    private static void reply(ServerResponse response, int status, String body) {
        response.status(Status.create(status))
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
