package dev.connectx.adapters.web;

import java.util.List;

/**
 * The events of each of the last 60 minutes as an inline SVG bar chart: no script, no external asset, readable
 * without either. Each bar carries its count in a {@code <title>} (the browser's tooltip) and in {@code data-count}.
 */
final class ActivityChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 120;
    private static final int AXIS = 16;

    private ActivityChart() {}

    static void write(Html html, List<Long> perMinute) {
        long max =
                Math.max(1, perMinute.stream().mapToLong(Long::longValue).max().orElse(0));
        long total = perMinute.stream().mapToLong(Long::longValue).sum();
        double barWidth = (double) WIDTH / perMinute.size();
        html.raw("<svg id=\"per-minute\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + AXIS)
                        + "\" role=\"img\" aria-label=\"")
                .text(total + " events in the last hour, at most " + max + " in a minute")
                .raw("\">");
        html.raw(
                "<line x1=\"0\" y1=\"" + HEIGHT + "\" x2=\"" + WIDTH + "\" y2=\"" + HEIGHT + "\" stroke=\"#c5cad3\"/>");
        for (int minute = 0; minute < perMinute.size(); minute++) {
            long count = perMinute.get(minute);
            double height = count == 0 ? 0 : Math.max(1, (double) count / max * (HEIGHT - 4));
            int ago = perMinute.size() - 1 - minute;
            html.raw("<rect x=\"" + format(minute * barWidth + 1) + "\" y=\"" + format(HEIGHT - height)
                            + "\" width=\"" + format(barWidth - 2) + "\" height=\"" + format(height)
                            + "\" fill=\"#3b6fd8\" data-count=\"" + count + "\"><title>")
                    .text(count
                            + (count == 1 ? " event, " : " events, ")
                            + (ago == 0 ? "this minute" : ago + " min ago"))
                    .raw("</title></rect>");
        }
        html.raw("<text x=\"0\" y=\"" + (HEIGHT + AXIS - 3) + "\" font-size=\"11\" fill=\"#667\">60 min ago</text>");
        html.raw("<text x=\"" + WIDTH + "\" y=\"" + (HEIGHT + AXIS - 3)
                + "\" font-size=\"11\" fill=\"#667\" text-anchor=\"end\">now</text>");
        html.raw("<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#667\">")
                .text(max + "/min")
                .raw("</text>");
        html.raw("</svg>");
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
