package dev.connectx.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures, as text for people or one JSON object for scripts. */
final class Report {

    private final BenchOptions options;
    private final List<AdapterResult> results;

    Report(BenchOptions options, List<AdapterResult> results) {
        this.options = options;
        this.results = results;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "connectx benchmark: %d events, concurrency %d, on %s%n",
                options.events(),
                options.concurrency(),
                machine()));
        for (AdapterResult result : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n[%s] start to healthy %.2f s, peak RSS %.0f MiB%n",
                    result.adapter(),
                    result.startSeconds(),
                    result.peakRssMib()));
            out.append(String.format(
                    Locale.ROOT,
                    "  %-26s %12s %10s %10s %18s%n",
                    "run",
                    "events/s",
                    "p50 ms",
                    "p99 ms",
                    "app CPU ms/event"));
            result.firstAfterStart().ifPresent(run -> line(out, run));
            line(out, result.endToEnd());
            result.beforePrefill().ifPresent(run -> line(out, run));
            result.afterPrefill().ifPresent(run -> line(out, run));
            line(out, result.rawInsertOne());
            line(out, result.rawInsertMany());
            out.append(String.format(
                    Locale.ROOT,
                    "  end-to-end / raw insertOne  %.2f   end-to-end / raw insertMany  %.2f   added p99 %+.2f ms%n",
                    result.ratioToInsertOne(),
                    result.ratioToInsertMany(),
                    result.addedP99Millis()));
            result.backfill().ifPresent(backfill -> backfillLines(out, backfill));
            result.lowRate().ifPresent(low -> lowRateLines(out, low));
            result.prefillRatio()
                    .ifPresent(ratio -> out.append(String.format(
                            Locale.ROOT,
                            "  after %,d more events in the collection: %.2f of the events/s just before, %s of its app"
                                    + " CPU per event%n",
                            result.prefilled(),
                            ratio,
                            result.prefillCpuRatio()
                                    .map(cpu -> String.format(Locale.ROOT, "%.2f", cpu))
                                    .orElse("n/a"))));
        }
        out.append(String.format("%n(raw insertMany p50/p99 are per batch of %d)", RawStoreRuns.BATCH));
        return out.toString();
    }

    private static void lowRateLines(StringBuilder out, LowRateRun.Result low) {
        out.append(String.format(
                Locale.ROOT,
                "  low rate, on a process of its own: RSS %.0f MiB after %.0f s idle, idle CPU %.1f ms/s%n",
                low.idleRssMib(),
                low.idleSeconds(),
                low.idleCpuMillisPerSecond()));
        line(out, low.run());
        out.append(String.format(
                Locale.ROOT,
                "  RSS after the low rate %.0f MiB, peak %.0f MiB%n",
                low.rssAfterMib(),
                low.peakRssMib()));
    }

    private static void backfillLines(StringBuilder out, BackfillRun.Result backfill) {
        out.append(String.format(Locale.ROOT, "  backfill, on a process of its own:%n"));
        line(out, backfill.liveWithout());
        line(out, backfill.liveWith());
        out.append(String.format(
                Locale.ROOT,
                "  live p99 with / without the backfill  %.2f (%s)%n",
                backfill.liveWith().p99Millis() / backfill.liveWithout().p99Millis(),
                backfill.overlapped()
                        ? "the backfill listed throughout the live run"
                        : "the backfill ended before the live run did"));
        out.append(String.format(
                Locale.ROOT,
                "  backfill: %,d objects in %.1f s, %.0f objects/s, %,d list pages; peak RSS %.0f MiB%n",
                backfill.objects(),
                backfill.seconds(),
                backfill.objectsPerSecond(),
                backfill.pages(),
                backfill.peakRssMib()));
    }

    private static void line(StringBuilder out, RunResult run) {
        out.append(String.format(
                Locale.ROOT,
                "  %-26s %12.0f %10.2f %10.2f %18s%n",
                run.name(),
                run.eventsPerSecond(),
                run.p50Millis(),
                run.p99Millis(),
                Double.isNaN(run.appCpuMillisPerEvent())
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f", run.appCpuMillisPerEvent())));
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("events", options.events())
                .put("concurrency", options.concurrency())
                .put("machine", machine());
        var adapters = root.putArray("adapters");
        for (AdapterResult result : results) {
            ObjectNode node = adapters.addObject();
            node.put("adapter", result.adapter())
                    .put("start_to_healthy_s", result.startSeconds())
                    .put("peak_rss_mib", result.peakRssMib());
            result.firstAfterStart().ifPresent(first -> run(node.putObject("first_after_start"), first));
            run(node.putObject("end_to_end"), result.endToEnd());
            result.beforePrefill().ifPresent(before -> run(node.putObject("end_to_end_before_prefill"), before));
            result.afterPrefill()
                    .ifPresent(after -> run(
                            node.putObject("end_to_end_after_prefill").put("prefilled", result.prefilled()), after));
            result.prefillRatio().ifPresent(ratio -> node.put("prefill_ratio", ratio));
            result.prefillCpuRatio().ifPresent(ratio -> node.put("prefill_cpu_ratio", ratio));
            run(node.putObject("raw_insert_one"), result.rawInsertOne());
            run(node.putObject("raw_insert_many"), result.rawInsertMany()).put("batch", RawStoreRuns.BATCH);
            result.backfill().ifPresent(backfill -> {
                ObjectNode phase = node.putObject("backfill");
                run(phase.putObject("live_without"), backfill.liveWithout());
                run(phase.putObject("live_with"), backfill.liveWith());
                phase.put("overlapped", backfill.overlapped())
                        .put("objects", backfill.objects())
                        .put("seconds", backfill.seconds())
                        .put("objects_per_s", backfill.objectsPerSecond())
                        .put("pages", backfill.pages())
                        .put("peak_rss_mib", backfill.peakRssMib());
            });
            result.lowRate()
                    .ifPresent(low -> run(node.putObject("low_rate"), low.run())
                            .put("idle_seconds", low.idleSeconds())
                            .put("idle_rss_mib", low.idleRssMib())
                            .put("idle_cpu_ms_per_s", low.idleCpuMillisPerSecond())
                            .put("rss_after_mib", low.rssAfterMib())
                            .put("peak_rss_mib", low.peakRssMib()));
            node.put("ratio_to_insert_one", result.ratioToInsertOne())
                    .put("ratio_to_insert_many", result.ratioToInsertMany())
                    .put("added_p99_ms", result.addedP99Millis());
        }
        return root.toString();
    }

    private static ObjectNode run(ObjectNode node, RunResult run) {
        node.put("events_per_s", run.eventsPerSecond())
                .put("p50_ms", run.p50Millis())
                .put("p99_ms", run.p99Millis())
                .put("seconds", run.seconds());
        if (!Double.isNaN(run.appCpuMillisPerEvent())) {
            node.put("app_cpu_ms_per_event", run.appCpuMillisPerEvent());
        }
        return node;
    }

    private static String machine() {
        return String.format(
                Locale.ROOT,
                "%d cores, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }
}
