package dev.connectx.adapters.extensions;

import dev.connectx.domain.RequestId;
import dev.connectx.extension.ConnectCallException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The Connect calls handlers make, with the key their event came with: a GET of any object and the documented
 * actions on a request ({@code POST requests/{id}/approve|fail|inquire}, and the same under {@code
 * tier/config-requests} for a {@code TCR-…}). A refusal here is the handler's to handle: it says nothing of whether
 * Connect accepts the runner's key, since a handler may ask for what its key may not see.
 */
final class ConnectRestCalls {

    /** A relative API path with an optional RQL query: no scheme, no {@code ..}, no spaces. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_./-]*(\\?[A-Za-z0-9_.,=&()*:%+-]*)?");

    private static final int ERROR_CHARS = 1000;

    /** What an answer may weigh: as much as a task's object may (past MongoDB's 16 MiB document limit). */
    static final int MAX_ANSWER_BYTES = 20 * 1024 * 1024;

    private final HttpClient client;
    private final URI apiBase;
    private final Duration timeout;

    /**
     * @param apiBase {@code API_ADDRESS} with {@code /public/v1}
     * @param timeout for each call
     */
    ConnectRestCalls(HttpClient client, URI apiBase, Duration timeout) {
        this.client = client;
        this.apiBase = apiBase;
        this.timeout = timeout;
    }

    String get(String apiKey, String path) throws ConnectCallException {
        if (path == null || !PATH.matcher(path).matches() || path.contains("..")) {
            throw new ConnectCallException(
                    "not a relative Connect API path (such as requests/PR-1234-5678-9012-001): "
                            + (path == null ? "null" : shown(path)),
                    0);
        }
        return send(apiKey, "GET", path, null);
    }

    String approve(String apiKey, RequestId request, String templateId) throws ConnectCallException {
        String template = JsonText.quoted(templateId);
        String body = isTierConfigRequest(request)
                ? "{\"template\":{\"id\":" + template + "}}"
                : "{\"template_id\":" + template + "}";
        return send(apiKey, "POST", actionPath(request, "approve"), body);
    }

    String fail(String apiKey, RequestId request, String reason) throws ConnectCallException {
        return send(apiKey, "POST", actionPath(request, "fail"), "{\"reason\":" + JsonText.quoted(reason) + "}");
    }

    String inquire(String apiKey, RequestId request) throws ConnectCallException {
        return send(apiKey, "POST", actionPath(request, "inquire"), "{}");
    }

    private static boolean isTierConfigRequest(RequestId request) {
        return request.value().startsWith("TCR-");
    }

    private static String actionPath(RequestId request, String action) throws ConnectCallException {
        String id = request.value();
        if (!PATH.matcher(id).matches() || id.contains("/") || id.contains("..")) {
            throw new ConnectCallException("not a Connect request id: " + shown(id), 0);
        }
        return (isTierConfigRequest(request) ? "tier/config-requests/" : "requests/") + id + "/" + action;
    }

    private String send(String apiKey, String method, String path, String body) throws ConnectCallException {
        String call = method + " " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + "/" + path))
                .timeout(timeout)
                .header("Authorization", apiKey)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ConnectCallException(call + " failed: " + e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectCallException(call + " was interrupted", 0);
        }
        int status = response.statusCode();
        String answer = read(call, response.body(), status / 100 == 2 ? MAX_ANSWER_BYTES : ERROR_CHARS);
        if (status / 100 != 2) {
            throw new ConnectCallException(
                    call + " answered HTTP " + status + (answer.isBlank() ? "" : ": " + answer), status);
        }
        return answer;
    }

    /** At most {@code limit} bytes: a larger answer is an error for a success, and cut for an error. */
    private static String read(String call, InputStream body, int limit) throws ConnectCallException {
        try (body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                bytes.write(chunk, 0, Math.min(read, limit + 1 - bytes.size()));
                if (bytes.size() > limit) {
                    if (limit == ERROR_CHARS) {
                        String text = bytes.toString(StandardCharsets.UTF_8);
                        return text.substring(0, Math.min(text.length(), ERROR_CHARS)) + "…";
                    }
                    throw new ConnectCallException(call + " answered more than " + limit + " bytes", 0);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectCallException(call + " failed while reading: " + e, 0);
        }
    }

    private static String shown(String value) {
        return dev.connectx.domain.Printable.quoted(value, 100);
    }

    @Override
    public String toString() {
        return "ConnectRestCalls[" + apiBase + "]";
    }
}
