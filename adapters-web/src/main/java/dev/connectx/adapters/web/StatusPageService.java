package dev.connectx.adapters.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The pages for people. {@code GET /} is the status, written on the server (the connection to Connect and its
 * history, the store, what recording did since start with an events-per-minute chart of the last hour, the backfill,
 * events by status and type, the newest events): complete without a script, then refreshed every 2 s from
 * {@code GET /status/live}, the same content alone. {@code GET /assets/{assetId}} shows an asset's state and its
 * timeline. Each is one self-contained {@link HtmlPage}.
 */
public final class StatusPageService implements HttpService {

    private final HtmlPage status = new HtmlPage("status.html");
    private final HtmlPage asset = new HtmlPage("asset.html");
    private final StatusReport report;

    public StatusPageService(StatusReport report) {
        this.report = java.util.Objects.requireNonNull(report, "report");
    }

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
        rules.get("/", (request, response) -> status.sendTo(response, StatusHtml.write(report.view())))
                .get(
                        "/status/live",
                        (request, response) -> response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                                .header(HeaderNames.CACHE_CONTROL, "no-store")
                                .send(StatusHtml.write(report.view())))
                .get("/assets/{assetId}", (request, response) -> asset.sendTo(response));
    }
}
