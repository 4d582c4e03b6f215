package dev.connectx.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --compare BASE.json}: every figure of this run beside the same figure of an earlier {@code --json} run, and
 * the change in percent, so that a regression reads as a number. Figures are matched by their path (adapter, run,
 * name); one that either run lacks is left out, so runs of different versions still compare.
 */
final class Comparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Comparison() {}

    static String text(String baseJson, String currentJson) throws IOException {
        Map<String, Double> base = figures(JSON.readTree(baseJson));
        Map<String, Double> now = figures(JSON.readTree(currentJson));
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "%-58s %12s %12s %9s%n", "compared with the base run", "base", "now", "change"));
        now.forEach((path, value) -> {
            Double before = base.get(path);
            if (before != null) {
                String change =
                        before == 0 ? "" : String.format(Locale.ROOT, "%+8.1f%%", 100 * (value - before) / before);
                out.append(String.format(Locale.ROOT, "%-58s %12.3f %12.3f %9s%n", path, before, value, change));
            }
        });
        return out.toString();
    }

    /** Every number of a report, by its path: {@code driver.end_to_end.events_per_s}, … */
    static Map<String, Double> figures(JsonNode report) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (JsonNode adapter : report.path("adapters")) {
            collect(adapter.path("adapter").asText("?"), adapter, figures);
        }
        return figures;
    }

    private static void collect(String path, JsonNode node, Map<String, Double> figures) {
        node.properties().forEach(field -> {
            String name = path + "." + field.getKey();
            if (field.getValue().isNumber()) {
                figures.put(name, field.getValue().asDouble());
            } else if (field.getValue().isObject()) {
                collect(name, field.getValue(), figures);
            }
        });
    }
}
