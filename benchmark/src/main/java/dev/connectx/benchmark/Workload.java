package dev.connectx.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.request.PurchaseRequestReader;
import dev.connectx.domain.EventType;
import dev.connectx.mongo.document.SubscriptionEventDocuments;
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

    private static final String[] STATUSES = {"pending", "approved", "failed", "inquiring", "scheduled", "revoking", "revoked"};

    private Workload() {
    }

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
        String requestId = requestId(series, i);
        String assetId = "AS-%04d-%04d-%04d".formatted(series, i / 10_000, i % 10_000);
        return """
                {"id":"%s","type":"purchase","status":"%s","created":"2026-11-27T10:02:11+00:00","updated":"2026-11-27T%02d:%02d:%02d+00:00",\
                "activation_key":"","reason":"","note":"","assignee":"",\
                "asset":{"id":"%s","status":"processing","external_id":"%d",\
                "product":{"id":"PRD-276-377-545","name":"Example SaaS","status":"published"},\
                "connection":{"id":"CT-0000-0000-0000","type":"production","provider":{"id":"PA-000-000","name":"Example Provider"},\
                "vendor":{"id":"VA-000-000","name":"Example Vendor"},"hub":{"id":"HB-0000-0000","name":"Example Hub"}},\
                "params":[{"id":"subscription_email","type":"email","value":"admin@customer.example","value_error":""},\
                {"id":"seats_note","type":"text","value":"Please provision before Monday","value_error":""}],\
                "tiers":{"customer":{"id":"TA-0-1111-2222-3333","name":"Customer Ltd","contact_info":{"country":"US",\
                "address_line1":"1 Main Street","city":"Springfield","postal_code":"12345",\
                "contact":{"first_name":"Ann","last_name":"Doe","email":"ann@customer.example","phone_number":{"country_code":"+1","phone_number":"5550100"}}}},\
                "tier1":{"id":"TA-0-4444-5555-6666","name":"Reseller Inc"}},\
                "items":[{"id":"PRD-276-377-545-0001","mpn":"SEAT-STD","quantity":"%d","old_quantity":"0","period":"Monthly","type":"PPU"}],\
                "configuration":{"params":[]}},\
                "contract":{"id":"CRD-00000-00000-00000"},"marketplace":{"id":"MP-12345","name":"Example Marketplace"}}"""
                .formatted(requestId, STATUSES[i % STATUSES.length], i / 3600 % 24, i / 60 % 60, i % 60, assetId, 100_000 + i, 1 + i % 50);
    }

    /** The documents connectx writes for these requests, encoded ahead of time so that raw runs time the store only. */
    static List<RawBsonDocument> documents(List<String> requests) {
        PurchaseRequestReader reader = new PurchaseRequestReader(new ObjectMapper(), Clock.systemUTC());
        EventType type = new EventType("asset_purchase_request_processing");
        List<RawBsonDocument> documents = new ArrayList<>(requests.size());
        for (String request : requests) {
            documents.add(SubscriptionEventDocuments.toDocument(reader.read(type, request, Optional.empty())));
        }
        return documents;
    }
}
