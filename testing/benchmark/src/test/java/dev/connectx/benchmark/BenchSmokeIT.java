package dev.connectx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RepositoryFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark itself runs, small: both adapters, a few hundred events, every figure present. It asserts that
 * the figures exist and add up, never how fast anything is (that is the benchmark's output, not a test).
 */
class BenchSmokeIT {

    @Test
    void a_small_run_measures_both_adapters_and_reports_every_figure() throws Exception {
        BenchOptions options = BenchOptions.parse(new String[] {
            "--events",
            "300",
            "--concurrency",
            "16",
            "--warmup",
            "50",
            "--backfill",
            "500",
            "--low-rate",
            "2",
            "--distribution",
            System.getProperty(
                    "connectx.distribution",
                    RepositoryFiles.file("bootstrap/target/connectx").toString())
        });

        List<AdapterResult> results = Bench.run(options);

        assertEquals(
                List.of("driver", "http"),
                results.stream().map(AdapterResult::adapter).toList());
        for (AdapterResult result : results) {
            for (RunResult run : List.of(result.endToEnd(), result.rawInsertOne(), result.rawInsertMany())) {
                assertEquals(300, run.operations(), run.name());
                assertTrue(
                        run.eventsPerSecond() > 0 && run.p50Millis() > 0 && run.p99Millis() >= run.p50Millis(),
                        run.toString());
            }
            for (RunResult run : List.of(result.firstAfterStart().orElseThrow(), result.endToEnd())) {
                assertTrue(run.appCpuMillisPerEvent() > 0, "the app's CPU per event, from /proc: " + run);
            }
            assertTrue(result.startSeconds() > 0, "start-up measured");
            assertTrue(result.peakRssMib() > 0, "peak RSS read from /proc");
            BackfillRun.Result backfill = result.backfill().orElseThrow();
            assertTrue(backfill.objects() >= 500, "the history at least: " + backfill);
            assertTrue(backfill.pages() >= 5 && backfill.objectsPerSecond() > 0, backfill.toString());
            assertEquals(300, backfill.liveWith().operations());
            assertEquals(300, backfill.liveWithout().operations());
            LowRateRun.Result low = result.lowRate().orElseThrow();
            assertEquals(20, low.run().operations(), "10 tasks a second for 2 s");
            assertTrue(low.run().seconds() >= 1.9, "paced, not sent at once: " + low.run());
            assertTrue(low.idleRssMib() > 0 && low.rssAfterMib() > 0, low.toString());
            assertTrue(low.run().appCpuMillisPerEvent() > 0, low.toString());
        }
        Report report = new Report(options, results);
        System.out.println(report.text());
        assertTrue(report.json().contains("\"ratio_to_insert_one\""), report.json());
        assertTrue(report.json().contains("\"objects_per_s\""), report.json());
        assertTrue(report.json().contains("\"app_cpu_ms_per_event\""), report.json());
        assertTrue(report.json().contains("\"first_after_start\""), report.json());
        assertTrue(report.json().contains("\"idle_rss_mib\""), report.json());
    }
}
