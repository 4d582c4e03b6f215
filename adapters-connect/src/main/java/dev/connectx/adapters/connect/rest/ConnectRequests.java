package dev.connectx.adapters.connect.rest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** How every Connect REST call is asked: a GET for JSON with the token, as-is, as {@code Authorization}. */
final class ConnectRequests {

    private ConnectRequests() {}

    static HttpRequest get(URI uri, String apiKey, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
    }
}
