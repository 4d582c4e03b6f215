package dev.connectx.adapters.web;

import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TierConfigSubject;
import java.util.Map;

/** The status page's tables of what the store holds: events by status, by type and status, and the newest events. */
final class StatusTables {

    private StatusTables() {}

    static void write(Html html, Overview overview) {
        html.raw("<h2>Events by status</h2><table id=\"counts\"><thead><tr><th>status</th><th>events</th></tr>"
                + "</thead><tbody>");
        long total = 0;
        for (RequestStatus status : RequestStatus.values()) {
            long count = overview.countsByStatus().getOrDefault(status, 0L);
            total += count;
            html.raw("<tr data-status=\"")
                    .text(status.wireName())
                    .raw("\">")
                    .element("td", null, status.wireName())
                    .element("td", "num", count)
                    .raw("</tr>");
        }
        html.raw("<tr><td>total</td>").element("td", "num", total).raw("</tr></tbody></table>");
        html.raw("<h2>Events by type and status</h2><table id=\"counts-by-type\"><thead><tr><th>event type</th>"
                + "<th>status</th><th>events</th></tr></thead><tbody>");
        overview.countsByType().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(type -> type.getValue().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(status -> html.raw("<tr data-type=\"")
                                .text(type.getKey().wireName())
                                .raw("\">")
                                .element("td", null, type.getKey().wireName())
                                .element("td", null, status.getKey().wireName())
                                .element("td", "num", status.getValue())
                                .raw("</tr>")));
        html.raw(
                "</tbody></table><h2>Latest events</h2><table id=\"latest\"><thead><tr><th>request</th><th>type</th>"
                        + "<th>status</th><th>subject</th><th>product</th><th>updated</th><th>received</th></tr></thead><tbody>");
        for (SubscriptionEventSummary event : overview.latest()) {
            html.raw("<tr><td>")
                    .link(
                            "/api/requests/",
                            event.requestId().value(),
                            "/events",
                            event.requestId().value())
                    .raw("</td>")
                    .element("td", null, event.type().requestType())
                    .element("td", null, event.status().wireName())
                    .raw("<td>");
            if (event.subject() instanceof TierConfigSubject config) {
                html.link(
                        "/api/tier-configs/",
                        config.tierConfigId().value(),
                        "",
                        config.tierConfigId().value());
            } else {
                String asset = ((AssetSubject) event.subject()).assetId().value();
                html.link("/assets/", asset, "", asset);
            }
            html.raw("</td>")
                    .element("td", null, event.subject().productId().value())
                    .element("td", null, event.updated())
                    .element("td", null, event.receivedAt())
                    .raw("</tr>");
        }
        html.raw("</tbody></table>");
    }
}
