package dev.connectx.adapters.connect.rest;

import dev.connectx.adapters.connect.access.ApiKeyStatus;
import dev.connectx.largeobjects.LargeObjectTurns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The two Connect REST calls a background task needs (§4.1): the status count and the object fetch. Uses the
 * JDK client that also carries the WebSocket, so that an RQL filter goes on the wire exactly as written.
 *
 * <p>An object is read up to {@value #MAX_OBJECT_BYTES} bytes (past MongoDB's 16 MiB document limit, so that the
 * store can name that limit); one over {@link LargeObjectTurns#LARGE_BYTES} bytes (by its {@code Content-Length}, or
 * once that many have arrived) first waits for a turn of the app's {@link LargeObjectTurns}, held until its task
 * ends. However many tasks run, few large objects are in memory at once.
 */
public final class ConnectRestClient {

    public static final int MAX_OBJECT_BYTES = 20 * 1024 * 1024;

    private final HttpClient client;
    private final URI apiBase;
    private final Duration timeout;
    private final ApiKeyStatus keyStatus;
    private final LargeObjectTurns largeObjects;

    public ConnectRestClient(
            HttpClient client, URI apiBase, Duration timeout, ApiKeyStatus keyStatus, LargeObjectTurns largeObjects) {
        this.client = client;
        this.largeObjects = java.util.Objects.requireNonNull(largeObjects, "largeObjects");
        this.keyStatus = keyStatus;
        this.apiBase = apiBase;
        this.timeout = timeout;
    }

    /** An object read from Connect; closing it gives back the large-object turn it may hold. */
    public record FetchedObject(String json, LargeObjectTurns.Turn heldTurn) implements AutoCloseable {
        @Override
        public void close() {
            if (heldTurn != null) {
                heldTurn.close();
            }
        }
    }

    /** {@code GET {api}/{collection}?{filter}&limit=0&offset=0}: the total from {@code Content-Range}. */
    public long count(String collection, String filter, String apiKey)
            throws ConnectApiException, InterruptedException {
        HttpResponse<InputStream> response = get(collection + "?" + filter + "&limit=0&offset=0", apiKey);
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ConnectApiException("GET " + collection + " failed while reading: " + e, e);
        }
        String range = response.headers()
                .firstValue("Content-Range")
                .orElseThrow(() -> new ConnectApiException("GET " + collection + " answered without Content-Range"));
        OptionalLong total = ListedPage.of(response.headers(), 0).total();
        if (total.isEmpty()) {
            throw new ConnectApiException("GET " + collection + " answered an unreadable Content-Range: " + range);
        }
        return total.getAsLong();
    }

    /**
     * {@code GET {api}/{resource}}: the object's JSON.
     *
     * @throws ObjectTooLargeException when it is over {@value #MAX_OBJECT_BYTES} bytes: no store could keep it
     */
    public FetchedObject fetch(String resource, String apiKey)
            throws ConnectApiException, ObjectTooLargeException, InterruptedException {
        HttpResponse<InputStream> response = get(resource, apiKey);
        LargeObjectTurns.Turn held = null;
        try (InputStream body = response.body()) {
            // sized from Content-Length when Connect sends one, so that a large object is not copied as it grows
            long announced =
                    response.headers().firstValueAsLong("Content-Length").orElse(8192);
            if (announced > LargeObjectTurns.LARGE_BYTES) {
                held = largeObjects.take();
            }
            ByteArrayOutputStream json =
                    new ByteArrayOutputStream((int) Math.clamp(announced, 0, MAX_OBJECT_BYTES + 1L));
            byte[] chunk = new byte[64 * 1024];
            for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                json.write(chunk, 0, read);
                if (held == null && json.size() > LargeObjectTurns.LARGE_BYTES) {
                    held = largeObjects.take();
                }
                if (json.size() > MAX_OBJECT_BYTES) {
                    throw new ObjectTooLargeException("the object " + resource + " is over " + MAX_OBJECT_BYTES
                            + " bytes; MongoDB keeps documents of at most 16 MiB");
                }
            }
            FetchedObject fetched = new FetchedObject(json.toString(StandardCharsets.UTF_8), held);
            held = null;
            return fetched;
        } catch (IOException e) {
            throw new ConnectApiException("GET " + resource + " failed while reading: " + e, e);
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    private HttpResponse<InputStream> get(String pathAndQuery, String apiKey)
            throws ConnectApiException, InterruptedException {
        URI uri = URI.create(apiBase + "/" + pathAndQuery);
        HttpRequest request = ConnectRequests.get(uri, apiKey, timeout);
        String call = "GET " + uri.getRawPath();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ConnectApiException(call + " failed: " + e, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            try (InputStream discarded = response.body()) {
                // the body of an error is not read
            } catch (IOException e) {
                // closing a body we do not want
            }
            if (status == 401 || status == 403) {
                keyStatus.refused(call, status);
                throw new ConnectApiException(
                        call + " was refused (HTTP " + status + "): Connect did not accept the API key");
            }
            throw new ConnectApiException(call + " answered HTTP " + status);
        }
        keyStatus.accepted();
        return response;
    }
}
