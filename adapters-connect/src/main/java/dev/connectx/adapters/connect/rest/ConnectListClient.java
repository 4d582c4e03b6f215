package dev.connectx.adapters.connect.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.access.ApiKeyStatus;
import dev.connectx.adapters.connect.rest.ListFailedException.Kind;
import dev.connectx.domain.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Connect's list calls ({@code GET {api}/{collection}?{query}}), read as a stream: each object of the page's JSON
 * array is handed on as soon as it is read, so that a page never sits in memory whole. A page is read up to
 * {@value #MAX_PAGE_BYTES} bytes; a larger one is refused for good (asking again would bring the same page).
 */
public final class ConnectListClient {

    public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ERROR_CHARS = 500;

    private final HttpClient client;
    private final URI apiBase;
    private final Duration timeout;
    private final long maxPageBytes;
    private final ObjectMapper json;
    private final ApiKeyStatus keyStatus;

    public ConnectListClient(HttpClient client, URI apiBase, Duration timeout, ApiKeyStatus keyStatus) {
        this(client, apiBase, timeout, keyStatus, MAX_PAGE_BYTES);
    }

    ConnectListClient(HttpClient client, URI apiBase, Duration timeout, ApiKeyStatus keyStatus, long maxPageBytes) {
        this.client = client;
        this.keyStatus = keyStatus;
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.maxPageBytes = maxPageBytes;
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxPageBytes)
                        .maxNestingDepth(100)
                        .build())
                .build());
    }

    /**
     * Asks for one page and hands each object on, in the page's order. An element of the array that is not an object
     * is handed on too: the caller decides what is malformed.
     *
     * @param query the query string as it goes on the wire (RQL terms, {@code ordering}, {@code limit}, {@code offset})
     * @throws ListFailedException when the page could not be had; some of its objects may have been handed on
     */
    public ListedPage list(String collection, String query, String apiKey, Consumer<JsonNode> each)
            throws ListFailedException, InterruptedException {
        URI uri = URI.create(apiBase + "/" + collection + "?" + query);
        String call = "GET " + uri.getRawPath();
        HttpRequest request = ConnectRequests.get(uri, apiKey, timeout);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw transientFailure(call, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                keyStatus.refused(call, status);
            }
            if (status / 100 != 2) {
                throw refusal(call, status, response, body);
            }
            keyStatus.accepted();
            int received = readArray(body, each);
            return ListedPage.of(response.headers(), received);
        } catch (StreamConstraintsException e) {
            throw new ListFailedException(
                    Kind.REFUSED,
                    "page too large",
                    Optional.empty(),
                    call + " answered a page over " + maxPageBytes + " bytes or nested over 100 deep; lower"
                            + " CONNECTX_BACKFILL_PAGE_SIZE",
                    e);
        } catch (IOException e) {
            throw transientFailure(call, e);
        }
    }

    private int readArray(InputStream body, Consumer<JsonNode> each) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("the page is not a JSON array");
            }
            int received = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new IOException("the page ended inside its array");
                }
                JsonNode object = json.readTree(parser);
                received++;
                each.accept(object);
            }
            return received;
        }
    }

    private static ListFailedException refusal(String call, int status, HttpResponse<?> response, InputStream body)
            throws IOException {
        String reason = "HTTP " + status;
        if (status == 401 || status == 403) {
            return new ListFailedException(
                    Kind.KEY_REFUSED,
                    reason,
                    Optional.empty(),
                    call + " was refused (" + reason + "): Connect did not accept the API key (API_KEY)",
                    null);
        }
        if (status == 429 || status / 100 == 5) {
            return new ListFailedException(
                    Kind.TRANSIENT, reason, RetryAfter.parse(response.headers()), call + " answered " + reason, null);
        }
        byte[] head = body.readNBytes(MAX_ERROR_CHARS * 4);
        String text = Printable.firstLine(new String(head, StandardCharsets.UTF_8), MAX_ERROR_CHARS);
        return new ListFailedException(
                Kind.REFUSED, reason, Optional.empty(), call + " answered " + reason + ": " + text, null);
    }

    private static ListFailedException transientFailure(String call, IOException e) {
        String reason = e.getClass().getSimpleName();
        String detail = e.getMessage() == null ? "" : ": " + Printable.firstLine(e.getMessage(), 200);
        return new ListFailedException(
                Kind.TRANSIENT, reason, Optional.empty(), call + " failed: " + reason + detail, e);
    }
}
