package dev.connectx.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run: {@code --events N} (20000), {@code --concurrency C} (64), {@code --adapter driver|http|both}
 * (both), {@code --warmup W} (2000), {@code --prefill M} (0: none), {@code --backfill B} (0: none), {@code --json},
 * {@code --distribution DIR} (bootstrap/target/connectx), {@code --java-opts "..."} for the app's JVM, and {@code
 * --env NAME=VALUE} (repeatable) for more of its environment, e.g. {@code CONNECTX_EXTENSIONS_DIR}, and {@code
 * --compare BASE.json} to print each figure beside an earlier run's, {@code --low-rate S} (0: none) for the idle and
 * low-rate figures.
 */
record BenchOptions(
        int events,
        int concurrency,
        List<String> adapters,
        int warmup,
        int prefill,
        int backfill,
        boolean json,
        Path distribution,
        String javaOpts,
        java.util.Map<String, String> environment,
        java.util.Optional<Path> compare,
        int lowRateSeconds) {

    static final String USAGE = """
            usage: testing/benchmark/bench [--events N] [--concurrency C] [--adapter driver|http|both] [--warmup W]
                                   [--prefill M] [--backfill B] [--json] [--distribution DIR] [--java-opts "OPTS"]
                                   [--env NAME=VALUE]... [--compare BASE.json] [--low-rate S]
              --events N        tasks per end-to-end run, and documents per raw run (default 20000)
              --concurrency C   tasks (or inserts) in flight (default 64)
              --adapter A       the storage adapter(s) to measure (default both)
              --warmup W        unmeasured tasks and inserts first (default 2000)
              --prefill M       after the first run, write M events into the collection and run again (default 0)
              --backfill B      then start connectx again with a backfill of B historical requests, and measure
                                live tasks while it waits and while it lists (default 0: none)
              --json            print the results as one JSON object on standard output
              --distribution D  the built connectx (default bootstrap/target/connectx)
              --java-opts O     JAVA_OPTS for connectx's JVM (default none)
              --env NAME=VALUE  more of connectx's environment, e.g. CONNECTX_EXTENSIONS_DIR=DIR (repeatable)
              --compare BASE    after the run, each figure beside the same one of BASE (an earlier --json output)
              --low-rate S      then a fresh connectx idles S s (its RSS then), and takes 10 tasks/s for S s (default 0)""";

    static BenchOptions parse(String[] args) {
        int events = 20_000;
        int concurrency = 64;
        List<String> adapters = List.of("driver", "http");
        int warmup = 2000;
        int prefill = 0;
        int backfill = 0;
        boolean json = false;
        Path distribution = Path.of("bootstrap/target/connectx");
        String javaOpts = null;
        java.util.Map<String, String> environment = new java.util.TreeMap<>();
        java.util.Optional<Path> compare = java.util.Optional.empty();
        int lowRate = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--json" -> json = true;
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--events" -> events = positive(option, value);
                        case "--concurrency" -> concurrency = positive(option, value);
                        case "--warmup" -> warmup = count(option, value);
                        case "--prefill" -> prefill = count(option, value);
                        case "--backfill" -> backfill = count(option, value);
                        case "--distribution" -> distribution = Path.of(value);
                        case "--java-opts" -> javaOpts = value;
                        case "--compare" -> compare = java.util.Optional.of(Path.of(value));
                        case "--low-rate" -> lowRate = count(option, value);
                        case "--env" -> {
                            int equals = value.indexOf('=');
                            if (equals < 1) {
                                throw new IllegalArgumentException("--env takes NAME=VALUE, not " + value);
                            }
                            environment.put(value.substring(0, equals), value.substring(equals + 1));
                        }
                        case "--adapter" ->
                            adapters = switch (value) {
                                case "driver", "http" -> List.of(value);
                                case "both" -> List.of("driver", "http");
                                default ->
                                    throw new IllegalArgumentException(
                                            "--adapter is driver, http or both, not " + value);
                            };
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        return new BenchOptions(
                events,
                concurrency,
                adapters,
                warmup,
                prefill,
                backfill,
                json,
                distribution,
                javaOpts,
                java.util.Map.copyOf(environment),
                compare,
                lowRate);
    }

    private static int positive(String option, String value) {
        int number = count(option, value);
        if (number == 0) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return number;
    }

    private static int count(String option, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " takes a whole number, not " + value);
    }
}
