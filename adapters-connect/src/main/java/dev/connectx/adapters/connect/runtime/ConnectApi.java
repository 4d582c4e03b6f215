package dev.connectx.adapters.connect.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two Connect REST calls a background task needs (§4.1): the status count and the object fetch. Uses the
 * JDK client that also carries the WebSocket, so that an RQL filter goes on the wire exactly as written.
 */
final class ConnectApi {

    private static final Pattern CONTENT_RANGE = Pattern.compile("items\\s+\\d+-\\d+/(\\d+)");

    private final HttpClient client;
    private final URI apiBase;
    private final Duration timeout;

    ConnectApi(HttpClient client, URI apiBase, Duration timeout) {
        this.client = client;
        this.apiBase = apiBase;
        this.timeout = timeout;
    }

    /** {@code GET {api}/{collection}?{filter}&limit=0&offset=0}: the total from {@code Content-Range}. */
    long count(String collection, String filter, String apiKey) throws ConnectApiException, InterruptedException {
        HttpResponse<String> response = get(collection + "?" + filter + "&limit=0&offset=0", apiKey);
        String range = response.headers().firstValue("Content-Range").orElseThrow(
                () -> new ConnectApiException("GET " + collection + " answered without Content-Range"));
        Matcher total = CONTENT_RANGE.matcher(range);
        if (!total.find()) {
            throw new ConnectApiException("GET " + collection + " answered an unreadable Content-Range: " + range);
        }
        return Long.parseLong(total.group(1));
    }

    /** {@code GET {api}/{resource}}: the object's JSON. */
    String fetch(String resource, String apiKey) throws ConnectApiException, InterruptedException {
        return get(resource, apiKey).body();
    }

    private HttpResponse<String> get(String pathAndQuery, String apiKey) throws ConnectApiException, InterruptedException {
        URI uri = URI.create(apiBase + "/" + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", apiKey)
                .header("Accept", "application/json").GET().build();
        String call = "GET " + uri.getRawPath();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectApiException(call + " failed: " + e, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ConnectApiException(call + " was refused (HTTP " + status + "): Connect did not accept the API key");
        }
        if (status / 100 != 2) {
            throw new ConnectApiException(call + " answered HTTP " + status);
        }
        return response;
    }
}
