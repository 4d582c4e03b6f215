package dev.connectx.adapters.extensions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * Builds extension jars for tests with the JDK's own javac and jar: real modules, compiled against the real
 * extension API (and whatever else a test names), as a user's build would make them.
 */
final class ExtensionJars {

    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");
    private static final Pattern TYPE = Pattern.compile("public\\s+(?:final\\s+)?(?:class|interface|record)\\s+(\\w+)");

    private ExtensionJars() {}

    /** Where the module of this class was loaded from: a jar or a classes directory. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code sources} (each a whole compilation unit) with {@code moduleInfo} (null: a plain jar, no
     * module) against {@code modulePath}, and writes {@code directory/jarName}.
     */
    static Path build(Path directory, String jarName, String moduleInfo, List<Path> modulePath, String... sources) {
        try {
            Path work = Files.createTempDirectory(directory.getParent(), "build-");
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-Xlint:none", "-proc:none"));
            String path = String.join(
                    java.io.File.pathSeparator,
                    modulePath.stream().map(Path::toString).toList());
            args.addAll(moduleInfo == null ? List.of("-cp", path) : List.of("--module-path", path));
            if (moduleInfo != null) {
                Path info = src.resolve("module-info.java");
                Files.createDirectories(src);
                Files.writeString(info, moduleInfo);
                args.add(info.toString());
            }
            for (String source : sources) {
                Path file = src.resolve(packageOf(source).replace('.', '/')).resolve(typeOf(source) + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source);
                args.add(file.toString());
            }
            run("javac", args.toArray(String[]::new));
            Path jar = directory.resolve(jarName);
            run("jar", "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module with one handler that reports what it saw as a fail reason, so the test can read it. */
    static Path handlerJar(Path dir, String module, String type, String name, int order, String extraBody) {
        String pkg = "com.example." + module;
        return ExtensionJars.build(
                dir,
                module + ".jar",
                "module com.example." + module + " { requires dev.connectx.extension; provides"
                        + " dev.connectx.extension.EventHandler with " + pkg + "." + type + "; }",
                List.of(locationOf(dev.connectx.extension.EventHandler.class)),
                """
                package %s;
                import dev.connectx.extension.*;
                public class %s implements EventHandler {
                    public HandlerResult handle(Event event, HandlerContext context) throws Exception {
                        %s
                        return HandlerResult.fail(event.requestId() + " " + event.status() + " " + event.type()
                                + " repeat=" + context.repeat() + " template="
                                + context.settings().get("TEMPLATE_ID").orElse("-"));
                    }
                    public String name() { return "%s"; }
                    public int order() { return %d; }
                    public String settingsPrefix() { return "FIRST_"; }
                }
                """.formatted(pkg, type, extraBody, name, order));
    }

    private static String packageOf(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String typeOf(String source) {
        Matcher matcher = TYPE.matcher(source);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no public type in " + source);
        }
        return matcher.group(1);
    }

    private static void run(String tool, String... args) {
        StringWriter output = new StringWriter();
        try (PrintWriter out = new PrintWriter(output)) {
            int status = ToolProvider.findFirst(tool).orElseThrow().run(out, out, args);
            if (status != 0) {
                throw new IllegalStateException(tool + " failed (" + status + "): " + output);
            }
        }
    }
}
