package dev.connectx.benchmark;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.simulator.ConnectSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.RawBsonDocument;
import reactor.core.publisher.Mono;

/**
 * The end-to-end benchmark: for each storage adapter, starts {@code bin/connectx} against the Connect simulator
 * and its embedded MongoDB, pushes tasks through the real protocol at a fixed concurrency, then writes the same
 * documents with the raw driver into the same MongoDB, and reports both, with start-up time and peak RSS.
 */
public final class Bench {

    static final String CONNECT_KEY = "ApiKey SU-000-000-000:benchmark";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(
                    (e.getMessage().isEmpty() ? "" : "benchmark: " + e.getMessage() + "\n") + BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        if (!Files.isExecutable(options.distribution().resolve("bin/connectx"))) {
            System.err.println("benchmark: " + options.distribution().resolve("bin/connectx")
                    + " not found; build it first: ./mvnw -B -ntp package -DskipTests");
            System.exit(2);
        }
        String base = null;
        if (options.compare().isPresent()) {
            try {
                base = Files.readString(options.compare().get());
            } catch (java.io.IOException e) {
                System.err.println(
                        "benchmark: --compare cannot read " + options.compare().get() + ": " + e);
                System.exit(2);
            }
        }
        Report report = new Report(options, run(options));
        System.out.println(options.json() ? report.json() : report.text());
        if (base != null) {
            // standard error with --json, so that standard output stays one JSON object
            (options.json() ? System.err : System.out).println(Comparison.text(withoutLogLines(base), report.json()));
        }
    }

    /** A saved {@code --json} output from its first '{' on (a shell may have caught a log line before it). */
    private static String withoutLogLines(String saved) {
        int start = saved.indexOf('{');
        return start < 0 ? saved : saved.substring(start);
    }

    /** Runs everything the options ask for; progress goes to standard error. */
    static List<AdapterResult> run(BenchOptions options) throws Exception {
        Path work = Files.createTempDirectory("connectx-bench");
        System.err.printf(
                "connectx benchmark: %,d events at concurrency %d, adapters %s, warm-up %,d%s; work in %s%n",
                options.events(),
                options.concurrency(),
                options.adapters(),
                options.warmup(),
                options.prefill() > 0 ? ", prefill %,d".formatted(options.prefill()) : "",
                work);
        List<AdapterResult> results = new ArrayList<>();
        try (ConnectSimulator connect = ConnectSimulator.start(CONNECT_KEY, 0)) {
            int series = 1;
            for (String adapter : options.adapters()) {
                results.add(measure(adapter, options, connect, work, series));
                series += 10;
            }
        }
        return results;
    }

    private static AdapterResult measure(
            String adapter, BenchOptions options, ConnectSimulator connect, Path work, int series) throws Exception {
        AdapterResult result = measureMain(adapter, options, connect, work, series);
        // Each phase after the first on a process of its own, once the last has stopped: the simulator serves one
        // runner at a time.
        Optional<BackfillRun.Result> backfill = options.backfill() > 0
                ? Optional.of(BackfillRun.run(adapter, options, connect, work.resolve(adapter), series + 6))
                : Optional.empty();
        Optional<LowRateRun.Result> lowRate = options.lowRateSeconds() > 0
                ? Optional.of(LowRateRun.run(adapter, options, connect, work.resolve(adapter), series + 7))
                : Optional.empty();
        return result.withLaterPhases(backfill, lowRate);
    }

    private static AdapterResult measureMain(
            String adapter, BenchOptions options, ConnectSimulator connect, Path work, int series) throws Exception {
        System.err.println("[" + adapter + "] starting bin/connectx");
        try (AppUnderTest app = AppUnderTest.start(
                options.distribution(), adapter, connect, work, options.javaOpts(), options.environment())) {
            System.err.printf("[%s] healthy %.2f s after spawn%n", adapter, app.startSeconds());
            Optional<RunResult> warmUp = Optional.empty();
            if (options.warmup() > 0) {
                warmUp = Optional.of(tasks(
                        app,
                        connect,
                        "first " + options.warmup() + " after start",
                        series,
                        Workload.requests(series, options.warmup()),
                        options));
            }
            List<String> requests = Workload.requests(series + 1, options.events());
            RunResult endToEnd = tasks(app, connect, "end-to-end (" + adapter + ")", series + 1, requests, options);
            RunResult insertOne;
            RunResult insertMany;
            List<RawBsonDocument> documents = Workload.documents(requests);
            try (RawStoreRuns raw = new RawStoreRuns(app.mongoUri())) {
                if (options.warmup() > 0) {
                    raw.insertOne(
                            "bench_warmup",
                            Workload.documents(Workload.requests(series, options.warmup())),
                            options.concurrency());
                }
                insertOne = AppCpu.around(
                        app.pid(), () -> raw.insertOne("bench_insert_one", documents, options.concurrency()));
                insertMany = AppCpu.around(app.pid(), () -> raw.insertMany("bench_insert_many", documents));
            }
            Optional<RunResult> beforePrefill = Optional.empty();
            Optional<RunResult> afterPrefill = Optional.empty();
            if (options.prefill() > 0) {
                // Measured again just before, so that both sides of the comparison run on an equally warm JVM.
                beforePrefill = Optional.of(tasks(
                        app,
                        connect,
                        "end-to-end before prefill",
                        series + 2,
                        Workload.requests(series + 2, options.events()),
                        options));
                prefill(
                        app.mongoUri(),
                        adapter.equals("http") ? "http_data" : "driver_data",
                        options.prefill(),
                        series + 5);
                afterPrefill = Optional.of(tasks(
                        app,
                        connect,
                        "end-to-end after prefill",
                        series + 3,
                        Workload.requests(series + 3, options.events()),
                        options));
            }
            return new AdapterResult(
                    adapter,
                    warmUp,
                    endToEnd,
                    insertOne,
                    insertMany,
                    beforePrefill,
                    afterPrefill,
                    options.prefill(),
                    app.startSeconds(),
                    app.peakRssMib(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    /** These tasks (of {@code series}) through the protocol, the app's CPU measured around them. */
    private static RunResult tasks(
            AppUnderTest app,
            ConnectSimulator connect,
            String name,
            int series,
            List<String> requests,
            BenchOptions options)
            throws Exception {
        return AppCpu.around(app.pid(), () -> EndToEndRun.run(name, connect, requests, series, options.concurrency()));
    }

    /** Writes {@code count} events into the app's collection in batches, as if it had stored them before. */
    private static void prefill(String mongoUri, String collection, int count, int series) {
        try (MongoClient client = MongoClients.create(mongoUri);
                Progress progress = new Progress("prefill " + collection, count)) {
            var target = client.getDatabase("connectx").getCollection(collection, RawBsonDocument.class);
            for (int start = 0; start < count; start += RawStoreRuns.BATCH) {
                List<String> requests = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + RawStoreRuns.BATCH); i++) {
                    requests.add(Workload.request(series + i / 100_000_000, i % 100_000_000));
                }
                Mono.from(target.insertMany(Workload.documents(requests))).block();
                requests.forEach(r -> progress.step());
            }
        }
    }
}
