package dev.connectx.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.request.RequestReader;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import dev.connectx.domain.EventType;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.RawBsonDocument;

/**
 * The events a benchmark writes: realistic purchase requests (about 1.5 KB each), distinct ids, the seven
 * statuses in turn; and, for the raw store runs, the same events as the documents connectx would write.
 */
public final class Workload {

    private static final String[] STATUSES = {
        "pending", "approved", "failed", "inquiring", "scheduled", "revoking", "revoked"
    };

    private Workload() {}

    /** {@code count} request JSONs; {@code series} keeps the ids of different runs apart. */
    static List<String> requests(int series, int count) {
        List<String> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(series, i));
        }
        return requests;
    }

    static String requestId(int series, int i) {
        return "PR-%04d-%04d-%04d-001".formatted(series, i / 10_000, i % 10_000);
    }

    public static String request(int series, int i) {
        String assetId = "AS-%04d-%04d-%04d".formatted(series, i / 10_000, i % 10_000);
        String updated = "2026-11-27T%02d:%02d:%02d+00:00".formatted(i / 3600 % 24, i / 60 % 60, i % 60);
        return new PurchaseRequestJson(
                        requestId(series, i),
                        STATUSES[i % STATUSES.length],
                        updated,
                        assetId,
                        "PRD-276-377-545",
                        String.valueOf(100_000 + i),
                        1 + i % 50)
                .json();
    }

    /** The documents connectx writes for these requests, encoded ahead of time so that raw runs time the store only. */
    static List<RawBsonDocument> documents(List<String> requests) {
        RequestReader reader = new RequestReader(new ObjectMapper(), Clock.systemUTC());
        EventType type = EventType.ASSET_PURCHASE_REQUEST_PROCESSING;
        List<RawBsonDocument> documents = new ArrayList<>(requests.size());
        for (String request : requests) {
            documents.add(SubscriptionEventDocuments.toDocument(reader.read(type, request, Optional.empty())));
        }
        return documents;
    }
}
