package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.bootstrap.config.SettingKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code connectx --help}, {@code --version}, no arguments, and arguments connectx does not know. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Optional<Integer> run(String... args) {
        return CommandLine.handle(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void no_arguments_start_connectx() {
        assertEquals(Optional.empty(), run());
    }

    @Test
    void version_prints_the_modules_version() {
        assertEquals(Optional.of(0), run("--version"));
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(printed.matches("connectx \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), printed);
        assertEquals("connectx " + Version.current(), printed);
    }

    @Test
    void help_lists_every_setting_with_its_default_from_its_one_definition() {
        assertEquals(Optional.of(0), run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (SettingKey key : SettingKey.values()) {
            String line = help.lines()
                    .filter(l -> l.strip().startsWith(key.name() + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(key + " is missing from --help:\n" + help));
            assertTrue(line.contains(key.defaultValue().map(v -> "default " + v).orElse("(unset)")), line);
            assertTrue(line.contains(key.part().label()), line);
        }
        assertTrue(help.contains("connectx --check-health"), help);
    }

    @Test
    void unknown_arguments_are_refused_with_the_usage_and_status_2() {
        assertEquals(Optional.of(CommandLine.EXIT_USAGE), run("--port", "9000"));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("connectx: unknown arguments [--port, 9000]"), printed);
        assertTrue(printed.contains("usage: connectx"), printed);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
