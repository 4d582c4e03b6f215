package dev.connectx.adapters.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The pages for people: {@code GET /} reads {@code /api/status} every two seconds and shows the connection to
 * Connect, the active store, the events by status and by type, and the newest events; {@code GET /assets/{assetId}}
 * shows an asset's state and its timeline, its requests in order with type, status and date. Each is one
 * self-contained {@link HtmlPage}.
 */
public final class StatusPageService implements HttpService {

    private final HtmlPage status = new HtmlPage("status.html");
    private final HtmlPage asset = new HtmlPage("asset.html");

    /** The status page's content security policy. */
    String policy() {
        return status.policy();
    }

    /** The asset page's content security policy. */
    String assetPolicy() {
        return asset.policy();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (request, response) -> status.sendTo(response))
                .get("/assets/{assetId}", (request, response) -> asset.sendTo(response));
    }
}
