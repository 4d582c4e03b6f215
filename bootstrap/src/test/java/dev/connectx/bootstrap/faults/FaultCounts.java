package dev.connectx.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.simulator.ConnectSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import reactor.core.publisher.Flux;

/**
 * What a fault scenario did, counted from both ends: the events sent, the documents in the store, and the
 * results Connect received.
 *
 * @param sent distinct events Connect sent
 * @param stored documents in the collection
 * @param lost events sent and not stored
 * @param duplicated documents beyond the first for one (request, status, updated)
 * @param successNotStored tasks answered {@code success} whose event is not in the store: the data-loss bug
 * @param finalResults each task's final result, counted by kind
 * @param allResults every result Connect received, retries included, by kind
 * @param redeliveries tasks Connect sent again
 */
record FaultCounts(
        int sent,
        long stored,
        long lost,
        long duplicated,
        long successNotStored,
        Map<String, Long> finalResults,
        Map<String, Long> allResults,
        long redeliveries) {

    static FaultCounts measure(
            ConnectSimulator connect, FaultEvents events, String connectionString, String collection) {
        List<String> requestIds = events.requestIds();
        Map<String, Integer> perEvent = new HashMap<>();
        try (MongoClient client = MongoClients.create(connectionString)) {
            List<Document> documents = Flux.from(client.getDatabase("connectx")
                            .getCollection(collection)
                            .find()
                            .projection(new Document("request_id", 1)
                                    .append("status", 1)
                                    .append("updated", 1)))
                    .collectList()
                    .block(Duration.ofSeconds(60));
            documents.forEach(d -> perEvent.merge(d.getString("request_id"), 1, Integer::sum));
            long duplicated = documents.size()
                    - documents.stream()
                            .map(d -> d.getString("request_id") + "/" + d.getString("status") + "/" + d.get("updated"))
                            .distinct()
                            .count();
            Set<String> storedIds = perEvent.keySet();
            Map<String, Long> finals = new HashMap<>();
            long successNotStored = 0;
            for (Map.Entry<String, String> result : connect.finalResults().entrySet()) {
                finals.merge(result.getValue(), 1L, Long::sum);
                String requestId = events.requestOf(result.getKey());
                if ("success".equals(result.getValue()) && (requestId == null || !storedIds.contains(requestId))) {
                    successNotStored++;
                }
            }
            Set<String> missing = new HashSet<>(requestIds);
            missing.removeAll(storedIds);
            return new FaultCounts(
                    requestIds.size(),
                    documents.size(),
                    missing.size(),
                    duplicated,
                    successNotStored,
                    finals,
                    connect.resultCounts(),
                    connect.redeliveries());
        }
    }

    /** One line for the build log. */
    String summary(String scenario, Duration took) {
        return "fault scenario %-28s sent %d, stored %d, lost %d, duplicated %d, success-not-stored %d; final results %s; all results %s; redeliveries %d; %.1f s"
                .formatted(
                        scenario + ":",
                        sent,
                        stored,
                        lost,
                        duplicated,
                        successNotStored,
                        finalResults,
                        allResults,
                        redeliveries,
                        took.toMillis() / 1000.0);
    }

    void assertNothingLostOrDoubled(String summary) {
        assertEquals(0, lost, summary);
        assertEquals(0, duplicated, summary);
        assertEquals(0, successNotStored, summary);
        assertEquals(sent, stored, summary);
    }
}
