package dev.connectx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final String BASE = """
            {"events":20000,"adapters":[{"adapter":"driver","peak_rss_mib":700.0,
             "end_to_end":{"events_per_s":800.0,"app_cpu_ms_per_event":2.0},"gone":{"x":1}}]}""";
    private static final String NOW = """
            {"events":20000,"adapters":[{"adapter":"driver","peak_rss_mib":350.0,
             "end_to_end":{"events_per_s":1000.0,"app_cpu_ms_per_event":1.5},"new":{"y":2}}]}""";

    @Test
    void every_figure_of_both_runs_is_beside_its_base_with_the_change() throws Exception {
        String text = Comparison.text(BASE, NOW);

        assertTrue(text.contains("driver.peak_rss_mib"), text);
        assertTrue(text.matches("(?s).*driver\\.end_to_end\\.events_per_s +800\\.000 +1000\\.000 +\\+25\\.0%.*"), text);
        assertTrue(
                text.matches("(?s).*driver\\.end_to_end\\.app_cpu_ms_per_event +2\\.000 +1\\.500 +-25\\.0%.*"), text);
        assertFalse(text.contains("gone") || text.contains("new.y"), "a figure only one run has is left out: " + text);
    }

    @Test
    void figures_are_found_by_their_path() throws Exception {
        assertEquals(
                Map.of(
                        "driver.peak_rss_mib",
                        350.0,
                        "driver.end_to_end.events_per_s",
                        1000.0,
                        "driver.end_to_end.app_cpu_ms_per_event",
                        1.5,
                        "driver.new.y",
                        2.0),
                Comparison.figures(new com.fasterxml.jackson.databind.ObjectMapper().readTree(NOW)));
    }
}
