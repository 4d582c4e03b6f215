package dev.connectx.testing.support;

/**
 * The JSON of a realistic Connect purchase request (the shape of docs/connect-protocol.md §5.2), with the fields a
 * test varies as parameters: about 1.6 KB, the size the benchmark's figures are for.
 *
 * @param externalId the asset's {@code external_id}
 * @param quantity the first item's {@code quantity}
 */
public record PurchaseRequestJson(
        String requestId,
        String status,
        String updated,
        String assetId,
        String productId,
        String externalId,
        int quantity) {

    public static String of(String requestId, String status, String updated, String assetId, String productId) {
        return new PurchaseRequestJson(requestId, status, updated, assetId, productId, "100234", 5).json();
    }

    public String json() {
        return json("purchase", "processing");
    }

    /** The same request as another asset request type ({@code change}, {@code suspend}…), its asset in a status. */
    public String json(String requestType, String assetStatus) {
        return """
                {"id":"%s","type":"%s","status":"%s","created":"2023-01-18T10:02:11+00:00","updated":"%s",\
                "activation_key":"","reason":"","note":"","assignee":"",\
                "asset":{"id":"%s","status":"%s","external_id":"%s",\
                "product":{"id":"%s","name":"Example SaaS","status":"published"},\
                "connection":{"id":"CT-0000-0000-0000","type":"production","provider":{"id":"PA-000-000","name":"Example Provider"},\
                "vendor":{"id":"VA-000-000","name":"Example Vendor"},"hub":{"id":"HB-0000-0000","name":"Example Hub"}},\
                "params":[{"id":"subscription_email","type":"email","value":"admin@customer.example","value_error":""},\
                {"id":"seats_note","type":"text","value":"Please provision before Monday","value_error":""}],\
                "tiers":{"customer":{"id":"TA-0-1111-2222-3333","name":"Customer Ltd","contact_info":{"country":"US",\
                "address_line1":"1 Main Street","city":"Springfield","postal_code":"12345",\
                "contact":{"first_name":"Ann","last_name":"Doe","email":"ann@customer.example","phone_number":{"country_code":"+1","phone_number":"5550100"}}}},\
                "tier1":{"id":"TA-0-4444-5555-6666","name":"Reseller Inc"}},\
                "items":[{"id":"%s-0001","mpn":"SEAT-STD","quantity":"%d","old_quantity":"0","period":"Monthly","type":"PPU"}],\
                "configuration":{"params":[]}},\
                "contract":{"id":"CRD-00000-00000-00000"},"marketplace":{"id":"MP-12345","name":"Example Marketplace"}}""".formatted(
                        requestId,
                        requestType,
                        status,
                        updated,
                        assetId,
                        assetStatus,
                        externalId,
                        productId,
                        productId,
                        quantity);
    }
}
