package dev.connectx.bootstrap.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.testing.support.Pause;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import reactor.core.publisher.Flux;

/** Watches a backfill from outside: connectx's {@code /api/status}, and what its MongoDB holds. */
final class BackfillProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebClient CLIENT = WebClient.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .build();

    private BackfillProbe() {}

    /** The {@code backfill} member of {@code GET /api/status}, or null when the server does not answer. */
    static JsonNode backfill(int httpPort) {
        try (HttpClientResponse response = CLIENT.get()
                .uri(URI.create("http://127.0.0.1:" + httpPort + "/api/status"))
                .request()) {
            return response.status().code() == 200
                    ? JSON.readTree(response.as(String.class)).get("backfill")
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Polls the status until the backfill matches, at most {@code limit}; the last status seen. */
    static JsonNode await(int httpPort, Predicate<JsonNode> until, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = backfill(httpPort);
            if (last != null && !last.isNull() && until.test(last)) {
                return last;
            }
            Pause.millis(50);
        }
        throw new AssertionError("the backfill did not get there within " + limit + "; last status: " + last);
    }

    static Predicate<JsonNode> inState(String state) {
        return backfill -> state.equals(backfill.path("state").asText());
    }

    /** The documents of a collection, counted by request id. */
    static Map<String, Integer> documentsByRequest(String connectionString, String database, String collection) {
        Map<String, Integer> counts = new HashMap<>();
        documents(connectionString, database, collection)
                .forEach(document -> counts.merge(document.getString("request_id"), 1, Integer::sum));
        return counts;
    }

    static List<Document> documents(String connectionString, String database, String collection) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            return Flux.from(client.getDatabase(database)
                            .getCollection(collection)
                            .find())
                    .collectList()
                    .block(Duration.ofSeconds(30));
        }
    }
}
