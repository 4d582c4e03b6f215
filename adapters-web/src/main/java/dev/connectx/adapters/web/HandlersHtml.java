package dev.connectx.adapters.web;

import dev.connectx.application.port.in.HandlerState;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The status page's table of extension handlers: calls by outcome, mean time, the latest problem. None, no table. */
final class HandlersHtml {

    private HandlersHtml() {}

    static void write(Html html, List<HandlerState> handlers) {
        if (handlers.isEmpty()) {
            return;
        }
        html.raw("<h2>Handlers</h2><table id=\"handlers\"><thead><tr><th>handler</th><th>calls</th><th>done</th>"
                + "<th>retry</th><th>fail</th><th>error</th><th>timeout</th><th>running</th><th>mean</th>"
                + "<th>latest problem</th></tr></thead><tbody>");
        for (HandlerState handler : handlers) {
            html.raw("<tr data-handler=\"")
                    .text(handler.name())
                    .raw("\"><td title=\"")
                    .text(handler.origin())
                    .raw("\">")
                    .text(handler.name())
                    .raw("</td>")
                    .element("td", "num", handler.calls())
                    .element("td", "num", handler.done())
                    .element("td", "num", handler.retries())
                    .element("td", "num", handler.fails())
                    .element("td", "num", handler.errors())
                    .element("td", "num", handler.timeouts())
                    .element("td", "num", handler.running())
                    .element(
                            "td",
                            "num",
                            String.format(
                                    java.util.Locale.ROOT,
                                    "%.1f ms",
                                    handler.meanTime().toNanos() / 1e6));
            handler.lastProblem()
                    .ifPresentOrElse(
                            problem -> html.element(
                                    "td",
                                    "bad",
                                    problem.at().truncatedTo(ChronoUnit.SECONDS) + " " + problem.requestId() + ": "
                                            + problem.reason()),
                            () -> html.element("td", "muted", "none"));
            html.raw("</tr>");
        }
        html.raw("</tbody></table>");
    }
}
