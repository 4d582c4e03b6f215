package dev.connectx.adapters.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: one self-contained page (no external scripts or styles) that reads {@code /api/status} every two
 * seconds and shows the connection to Connect, the active store, the events by status and the newest events.
 */
public final class StatusPageService implements HttpService {

    private final String page;

    public StatusPageService() {
        try (InputStream in = StatusPageService.class.getResourceAsStream("status.html")) {
            if (in == null) {
                throw new IllegalStateException("status.html is missing from the adapters-web module");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::page);
    }

    private void page(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.create("Content-Security-Policy"), "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'")
                .send(page);
    }
}
