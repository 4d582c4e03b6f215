package dev.connectx.application.testing;

/** Builds the JSON of a realistic Connect purchase request (the shape of §5.2 of the protocol notes). */
public final class PurchaseRequestJson {

    private PurchaseRequestJson() {
    }

    public static String of(String requestId, String status, String updated, String assetId, String productId) {
        return """
                {"id":"%s","type":"purchase","status":"%s","created":"2023-01-18T10:02:11+00:00","updated":"%s",\
                "activation_key":"","reason":"","note":"","assignee":"",\
                "asset":{"id":"%s","status":"processing","external_id":"100234",\
                "product":{"id":"%s","name":"Example SaaS","status":"published"},\
                "connection":{"id":"CT-0000-0000-0000","type":"preview","provider":{"id":"PA-000-000","name":"Example Provider"},\
                "vendor":{"id":"VA-000-000","name":"Example Vendor"},"hub":{"id":"HB-0000-0000","name":"Example Hub"}},\
                "params":[{"id":"subscription_email","type":"email","value":"admin@customer.example","value_error":""}],\
                "tiers":{"customer":{"id":"TA-0-1111-2222-3333","name":"Customer Ltd","contact_info":{"country":"US",\
                "contact":{"first_name":"Ann","last_name":"Doe","email":"ann@customer.example"}}}},\
                "items":[{"id":"%s-0001","mpn":"SEAT-STD","quantity":"5","old_quantity":"0","period":"Monthly"}],\
                "configuration":{"params":[]}},\
                "contract":{"id":"CRD-00000-00000-00000"},"marketplace":{"id":"MP-12345","name":"Example Marketplace"}}"""
                .formatted(requestId, status, updated, assetId, productId, productId);
    }
}
