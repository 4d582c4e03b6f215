package dev.connectx.adapters.connect.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectx.application.port.out.ConnectCallFailedException;
import dev.connectx.application.port.out.ConnectCalls;
import dev.connectx.domain.RequestId;
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
 * The Connect calls an event's handlers make, with the key of the task that delivered the event: a GET of any object
 * and the documented actions on a request ({@code POST requests/{id}/approve|fail|inquire}, and the same under {@code
 * tier/config-requests} for a {@code TCR-…}). Unlike the task's own calls, a refusal here says nothing of the runner's
 * key: a handler may ask for what its key may not see.
 */
public final class TaskConnectCalls implements ConnectCalls {

    /** A relative API path with an optional RQL query: no scheme, no {@code ..}, no spaces. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_./-]*(\\?[A-Za-z0-9_.,=&()*:%+-]*)?");

    private static final int ERROR_CHARS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI apiBase;
    private final Duration timeout;
    private final String apiKey;

    public TaskConnectCalls(HttpClient client, URI apiBase, Duration timeout, String apiKey) {
        this.client = client;
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.apiKey = apiKey;
    }

    @Override
    public String get(String path) throws ConnectCallFailedException {
        if (path == null || !PATH.matcher(path).matches() || path.contains("..")) {
            throw new ConnectCallFailedException(
                    "not a relative Connect API path (such as requests/PR-1234-5678-9012-001): "
                            + (path == null ? "null" : shown(path)),
                    0);
        }
        return send("GET", path, null);
    }

    @Override
    public String approve(RequestId request, String templateId) throws ConnectCallFailedException {
        ObjectNode body = JSON.createObjectNode();
        if (isTierConfigRequest(request)) {
            body.putObject("template").put("id", templateId);
        } else {
            body.put("template_id", templateId);
        }
        return send("POST", actionPath(request, "approve"), body.toString());
    }

    @Override
    public String fail(RequestId request, String reason) throws ConnectCallFailedException {
        return send(
                "POST",
                actionPath(request, "fail"),
                JSON.createObjectNode().put("reason", reason).toString());
    }

    @Override
    public String inquire(RequestId request) throws ConnectCallFailedException {
        return send("POST", actionPath(request, "inquire"), "{}");
    }

    private static boolean isTierConfigRequest(RequestId request) {
        return request.value().startsWith("TCR-");
    }

    private static String actionPath(RequestId request, String action) throws ConnectCallFailedException {
        String id = request.value();
        if (!PATH.matcher(id).matches() || id.contains("/") || id.contains("..")) {
            throw new ConnectCallFailedException("not a Connect request id: " + shown(id), 0);
        }
        return (isTierConfigRequest(request) ? "tier/config-requests/" : "requests/") + id + "/" + action;
    }

    private String send(String method, String path, String body) throws ConnectCallFailedException {
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
            throw new ConnectCallFailedException(call + " failed: " + e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectCallFailedException(call + " was interrupted", 0);
        }
        int status = response.statusCode();
        String answer =
                read(call, response.body(), status / 100 == 2 ? ConnectRestClient.MAX_OBJECT_BYTES : ERROR_CHARS);
        if (status / 100 != 2) {
            throw new ConnectCallFailedException(
                    call + " answered HTTP " + status + (answer.isBlank() ? "" : ": " + answer), status);
        }
        return answer;
    }

    /** At most {@code limit} bytes: a larger answer is an error for a success, and cut for an error. */
    private static String read(String call, InputStream body, int limit) throws ConnectCallFailedException {
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
                    throw new ConnectCallFailedException(call + " answered more than " + limit + " bytes", 0);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectCallFailedException(call + " failed while reading: " + e, 0);
        }
    }

    private static String shown(String value) {
        return dev.connectx.domain.Printable.quoted(value, 100);
    }

    @Override
    public String toString() {
        return "TaskConnectCalls[" + apiBase + "]";
    }
}
