package dev.connectx.testing.support;

/**
 * The JSON of a realistic Connect tier configuration request (the shape of {@code GET
 * /public/v1/tier/config-requests/{id}}), with the fields a test varies as parameters.
 *
 * @param requestType {@code setup}, {@code update} or {@code adjustment}
 * @param updated the top-level {@code updated}; also {@code events.updated.at}
 */
public record TierConfigRequestJson(
        String requestType,
        String requestId,
        String status,
        String updated,
        String tierConfigId,
        String accountId,
        String productId) {

    public static String of(
            String requestType,
            String requestId,
            String status,
            String updated,
            String tierConfigId,
            String accountId,
            String productId) {
        return new TierConfigRequestJson(requestType, requestId, status, updated, tierConfigId, accountId, productId)
                .json();
    }

    public String json() {
        return """
                {"id":"%s","type":"%s","status":"%s","updated":"%s",\
                "configuration":{"id":"%s","name":"Configuration of Reseller Inc","tier_level":1,"status":"processing",\
                "account":{"id":"%s","name":"Reseller Inc","external_uid":"c6b87d8a-3f61-4b1a-9f2e-0e6f6a7c2d11"},\
                "product":{"id":"%s","name":"Example SaaS","icon":"/media/VA-000-000/%s/media/icon.png"},\
                "marketplace":{"id":"MP-12345","name":"Example Marketplace"},\
                "connection":{"id":"CT-0000-0000-0000","type":"production","provider":{"id":"PA-000-000","name":"Example Provider"},\
                "vendor":{"id":"VA-000-000","name":"Example Vendor"},"hub":{"id":"HB-0000-0000","name":"Example Hub"}},\
                "params":[{"id":"reseller_region","type":"text","value":"EMEA","value_error":""}]},\
                "events":{"created":{"at":"2020-04-01T10:00:00+00:00"},"updated":{"at":"%s"}},\
                "params":[{"id":"reseller_region","type":"text","value":"EMEA","value_error":""}],\
                "assignee":"","notes":"","reason":"","activation":{"link":""}}""".formatted(
                requestId, requestType, status, updated, tierConfigId, accountId, productId, productId, updated);
    }
}
