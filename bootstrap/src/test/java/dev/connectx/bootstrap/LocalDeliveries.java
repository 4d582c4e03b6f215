package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

/** Posts a request to a running app's local delivery, as a user's script would. */
final class LocalDeliveries {

    private LocalDeliveries() {}

    /** Posts {@code body} to {@code /local/purchase-requests}, expects 200, and returns the answer. */
    static String post(ConnectxApp app, String body) {
        try (HttpClientResponse response = WebClient.builder()
                .baseUri("http://127.0.0.1:" + app.httpPort())
                .build()
                .post("/local/purchase-requests")
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .submit(body)) {
            assertEquals(200, response.status().code());
            return response.as(String.class);
        }
    }
}
