package dev.connectx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void the_defaults_are_the_issues_20000_events_at_concurrency_64_on_both_adapters() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertEquals(20_000, options.events());
        assertEquals(64, options.concurrency());
        assertEquals(List.of("driver", "http"), options.adapters());
        assertEquals(0, options.prefill());
        assertEquals(0, options.backfill());
        assertEquals(Path.of("bootstrap/target/connectx"), options.distribution());
        assertEquals(java.util.Optional.empty(), options.compare());
    }

    @Test
    void every_option_is_read() {
        BenchOptions options = BenchOptions.parse(new String[] {
            "--events",
            "1_000",
            "--concurrency",
            "8",
            "--adapter",
            "http",
            "--warmup",
            "0",
            "--prefill",
            "1000000",
            "--backfill",
            "20000",
            "--json",
            "--distribution",
            "/opt/connectx",
            "--java-opts",
            "-Xmx96m",
            "--env",
            "CONNECTX_EXTENSIONS_DIR=/opt/ext",
            "--env",
            "APPROVE_TEMPLATE_ID=TL-1=2",
            "--compare",
            "/tmp/base.json",
            "--low-rate",
            "60"
        });

        assertEquals(1000, options.events());
        assertEquals(8, options.concurrency());
        assertEquals(List.of("http"), options.adapters());
        assertEquals(0, options.warmup());
        assertEquals(1_000_000, options.prefill());
        assertEquals(20_000, options.backfill());
        assertTrue(options.json());
        assertEquals(Path.of("/opt/connectx"), options.distribution());
        assertEquals("-Xmx96m", options.javaOpts());
        assertEquals(
                java.util.Map.of("CONNECTX_EXTENSIONS_DIR", "/opt/ext", "APPROVE_TEMPLATE_ID", "TL-1=2"),
                options.environment());
        assertEquals(java.util.Optional.of(Path.of("/tmp/base.json")), options.compare());
        assertEquals(60, options.lowRateSeconds());
    }

    @Test
    void bad_options_say_what_is_wrong() {
        assertEquals("--events must be at least 1", message("--events", "0"));
        assertEquals("--concurrency takes a whole number, not lots", message("--concurrency", "lots"));
        assertEquals("--adapter is driver, http or both, not postgres", message("--adapter", "postgres"));
        assertEquals("unknown option --colour", message("--colour", "red"));
        assertEquals("--events needs a value", message("--events"));
        assertEquals("--env takes NAME=VALUE, not =x", message("--env", "=x"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args))
                .getMessage();
    }
}
