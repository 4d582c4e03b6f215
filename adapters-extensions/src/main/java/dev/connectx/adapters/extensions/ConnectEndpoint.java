package dev.connectx.adapters.extensions;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Where handlers reach Connect's REST API.
 *
 * @param apiBase {@code API_ADDRESS} with {@code /public/v1}
 * @param client the client to call it with (through the configured proxies)
 * @param timeout for each call
 */
public record ConnectEndpoint(URI apiBase, HttpClient client, Duration timeout) {

    public ConnectEndpoint {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(timeout, "timeout");
    }
}
