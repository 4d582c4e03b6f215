package dev.connectx.bootstrap;

import dev.connectx.testing.support.RepositoryFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

/**
 * The sample extensions as jars in an extensions directory, made from what the reactor compiled for them (they are
 * test dependencies of bootstrap, so they are built first) with the JDK's jar tool, as {@code mvn package} would.
 */
final class SampleExtensions {

    static final String APPROVE = "approve-pending";
    static final String WEBHOOK = "event-webhook";

    private SampleExtensions() {}

    /** A directory holding the named samples' jars. */
    static Path directory(Path parent, String... samples) {
        try {
            Path directory = Files.createDirectories(parent.resolve("extensions"));
            for (String sample : samples) {
                Path classes = RepositoryFiles.file("samples/extensions/" + sample + "/target/classes");
                if (!Files.isRegularFile(classes.resolve("module-info.class"))) {
                    throw new IllegalStateException("the sample " + sample + " is not built: no " + classes);
                }
                jar(directory.resolve(sample + ".jar"), classes);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jar(Path jar, Path classes) {
        StringWriter output = new StringWriter();
        try (PrintWriter out = new PrintWriter(output)) {
            int status = ToolProvider.findFirst("jar")
                    .orElseThrow()
                    .run(out, out, "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
            if (status != 0) {
                throw new IllegalStateException("jar failed: " + output);
            }
        }
    }
}
