package dev.connectx.bootstrap;

import dev.connectx.bootstrap.config.SettingKey;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code bin/connectx} does with its arguments: none starts connectx; {@code --help} and {@code --version} print
 * and end; {@code post FILE} posts to the running one's local delivery; anything else is refused with the usage. (The launcher's own {@code --check-health} and the build's
 * {@code --aot-training} are handled before this.)
 */
final class CommandLine {

    /** The exit status for arguments connectx does not know. */
    static final int EXIT_USAGE = 2;

    private CommandLine() {}

    /** Handles the arguments; empty means "start connectx", else the status to exit with. */
    static Optional<Integer> handle(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(help());
            return Optional.of(0);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("connectx " + Version.current());
            return Optional.of(0);
        }
        if (args.length == 2 && args[0].equals("post")) {
            return Optional.of(LocalPost.post(args[1], System.getenv(), System.in, out));
        }
        err.println("connectx: unknown arguments " + Arrays.toString(args) + "\n");
        err.print(usage());
        return Optional.of(EXIT_USAGE);
    }

    static String usage() {
        return """
                usage: connectx                 start (configuration from the environment, see --help)
                       connectx --help          this text, and every environment variable with its default
                       connectx --version       the version
                       connectx --check-health  exit 0 when the connectx on CONNECTX_HTTP_PORT is healthy
                       connectx post FILE       post a request's JSON (- for standard input) to its local delivery
                """;
    }

    /** The usage, then every setting with what it configures and its default, from their one definition. */
    static String help() {
        StringBuilder text = new StringBuilder("connectx " + Version.current()
                + ": the Java runtime for stateful CloudBlue Connect extensions\n\n" + usage()
                + "\nenvironment (an empty value counts as not set; the README's table says what each means):\n");
        for (SettingKey key : SettingKey.values()) {
            text.append(String.format(
                    "  %-58s %-16s %s%n",
                    key.name(),
                    key.part().label(),
                    key.defaultValue().map(value -> "default " + value).orElse("(unset)")));
        }
        return text.toString();
    }
}
