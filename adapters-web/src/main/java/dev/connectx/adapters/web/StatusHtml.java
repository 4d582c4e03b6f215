package dev.connectx.adapters.web;

import dev.connectx.application.port.in.BackfillState;
import dev.connectx.application.port.in.RecordOutcome.Result;
import dev.connectx.application.port.in.RecordingState;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The status page's content, written on the server from the same view as {@code /api/status}: the page arrives
 * complete and reads without a script; its script only fetches this again every 2 s.
 */
final class StatusHtml {

    private StatusHtml() {}

    static String write(StatusView view) {
        Html html = new Html();
        RecordingState activity = view.activity();
        html.raw("<div class=\"muted\">version ")
                .text(view.connection().version())
                .raw(" · up ")
                .text(uptime(Duration.between(activity.since(), view.now())))
                .raw(" · as of <span id=\"refreshed\">")
                .text(view.now().truncatedTo(ChronoUnit.SECONDS))
                .raw("</span>, refreshed every 2 s · <a href=\"/api/status\">/api/status</a></div>");
        html.raw("<div class=\"cards\">");
        connectCard(html, view.connection());
        storeCard(html, view);
        recordedCard(html, activity);
        html.raw("</div>");
        html.raw("<h2>Events per minute, last hour</h2>");
        ActivityChart.write(html, activity.perMinute());
        HandlersHtml.write(html, view.handlers());
        view.backfill().ifPresent(backfill -> backfill(html, backfill));
        view.overview().ifPresent(overview -> StatusTables.write(html, overview));
        history(html, view.connection());
        return html.toString();
    }

    private static void connectCard(Html html, ConnectionState connection) {
        html.raw("<div class=\"card\"><div>Connect</div>");
        if (!connection.configured()) {
            html.raw("<div id=\"connect-state\" class=\"muted\">local mode</div>");
        } else if (connection.problem().isPresent()) {
            html.raw("<div id=\"connect-state\" class=\"bad\">")
                    .text(connection.problem().get())
                    .raw("</div>");
        } else {
            html.raw(
                    connection.connected()
                            ? "<div id=\"connect-state\" class=\"ok\">connected</div>"
                            : "<div id=\"connect-state\" class=\"bad\">not connected</div>");
        }
        html.raw("<div id=\"connect-target\" class=\"muted\">")
                .text(connection.connect())
                .raw("</div></div>");
    }

    private static void storeCard(Html html, StatusView view) {
        html.raw("<div class=\"card\"><div>Store</div>");
        if (view.storeError().isEmpty()) {
            html.raw("<div id=\"store-state\" class=\"ok\">reachable</div>");
        } else {
            html.raw("<div id=\"store-state\" class=\"bad\">unreachable: ")
                    .text(view.storeError().get())
                    .raw("</div>");
        }
        html.raw("<div id=\"store-description\" class=\"muted\">")
                .text(view.connection().store())
                .raw("</div></div>");
    }

    private static void recordedCard(Html html, RecordingState activity) {
        Map<Result, Long> results = activity.byResult();
        html.raw("<div class=\"card\"><div>Recorded since start</div><div id=\"recorded\" class=\"ok\">")
                .text(results.get(Result.SUCCESS) + " kept")
                .raw("</div><div class=\"muted\">")
                .text(activity.duplicates() + (activity.duplicates() == 1 ? " duplicate · " : " duplicates · ")
                        + results.get(Result.RETRY) + (results.get(Result.RETRY) == 1 ? " retry · " : " retries · ")
                        + results.get(Result.FAIL) + " failed · " + results.get(Result.SKIP) + " skipped")
                .raw("</div><div id=\"last-failure\"")
                .raw(activity.lastFailure().isPresent() ? " class=\"bad\">" : " class=\"muted\">");
        activity.lastFailure()
                .ifPresentOrElse(
                        failure -> html.text("last " + failure.result().name().toLowerCase(java.util.Locale.ROOT)
                                + " at " + failure.at().truncatedTo(ChronoUnit.SECONDS) + ": " + failure.message()),
                        () -> html.text("no failure"));
        html.raw("</div></div>");
    }

    private static void backfill(Html html, BackfillState backfill) {
        long max = Math.max(backfill.counts().total(), 1);
        long value = backfill.phase() == BackfillState.Phase.DONE
                ? max
                : Math.min(backfill.counts().done(), max);
        String phase = backfill.phase().wireName();
        html.raw("<section id=\"backfill\"><h2>Backfill</h2><div><progress id=\"backfill-progress\" max=\"" + max
                        + "\" value=\"" + value + "\"></progress> <span id=\"backfill-text\">")
                .text(phase + ": " + backfill.counts().done() + " / "
                        + backfill.counts().total() + " objects"
                        + (backfill.phase() == BackfillState.Phase.RUNNING
                                ? " (" + Math.round(backfill.perSecond() * 10) / 10.0 + "/s"
                                        + backfill.remaining()
                                                .map(left -> ", about " + left.toSeconds() + " s left")
                                                .orElse("")
                                        + ")"
                                : "")
                        + backfill.error().map(error -> " (" + error + ")").orElse(""))
                .raw("</span></div><div id=\"backfill-detail\" class=\"muted\">")
                .text("since " + backfill.since() + ": " + backfill.counts().recorded() + " recorded, "
                        + backfill.counts().passedOver() + " passed over, "
                        + backfill.counts().malformed()
                        + " malformed")
                .raw("</div></section>");
    }

    private static void history(Html html, ConnectionState connection) {
        if (connection.history().isEmpty()) {
            return;
        }
        html.raw("<h2>Connection to Connect</h2><table id=\"connection-history\"><thead><tr><th>at</th>"
                + "<th>change</th></tr></thead><tbody>");
        for (ConnectionState.Change change : connection.history()) {
            html.raw("<tr>")
                    .element("td", null, change.at().truncatedTo(ChronoUnit.SECONDS))
                    .element("td", null, change.what())
                    .raw("</tr>");
        }
        html.raw("</tbody></table>");
    }

    static String uptime(Duration up) {
        long minutes = up.toMinutes();
        if (minutes < 1) {
            return up.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = up.toHours();
        return hours < 48 ? hours + " h " + (minutes % 60) + " min" : up.toDays() + " days " + (hours % 24) + " h";
    }
}
