package dev.connectx.adapters.extensions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.extension.EventHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars connectx refuses to start with, each with a message that names the jar and says why. */
class ExtensionRefusalsTest {

    private static final Path API = ExtensionJars.locationOf(EventHandler.class);

    @TempDir
    Path work;

    private final HandlerServices services = new HandlerServices(
            new ReadSubscriptionEventsService(new InMemorySubscriptionEventStore()),
            name -> Optional.empty(),
            Optional.empty());

    private Path extensions() throws IOException {
        return Files.createDirectories(work.resolve("extensions"));
    }

    @Test
    void a_plain_jar_is_refused_as_no_module() throws Exception {
        Path dir = extensions();
        ExtensionJars.build(dir, "plain.jar", null, List.of(API), """
                package com.example.plain;
                public class Plain {}
                """);

        ExtensionLoadException refused =
                assertThrows(ExtensionLoadException.class, () -> ExtensionLoader.load(dir, services));

        assertTrue(
                refused.getMessage().startsWith("not modules (no module-info.class): module plain"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("(plain.jar)"), refused.getMessage());
    }

    @Test
    void a_jar_that_bundles_the_api_module_is_refused() throws Exception {
        Path dir = extensions();
        Files.copy(apiJar(), dir.resolve("bundled-api.jar"));

        ExtensionLoadException refused =
                assertThrows(ExtensionLoadException.class, () -> ExtensionLoader.load(dir, services));

        assertTrue(refused.getMessage().contains("connectx has a module of that name itself"), refused.getMessage());
    }

    @Test
    void a_module_that_provides_no_handler_is_refused() throws Exception {
        Path dir = extensions();
        ExtensionJars.build(
                dir, "empty.jar", "module com.example.empty { requires dev.connectx.extension; }", List.of(API), """
                package com.example.empty;
                public class Nothing {}
                """);

        ExtensionLoadException refused =
                assertThrows(ExtensionLoadException.class, () -> ExtensionLoader.load(dir, services));

        assertTrue(
                refused.getMessage().contains("provide no dev.connectx.extension.EventHandler"), refused.getMessage());
    }

    @Test
    void a_handler_that_cannot_be_created_or_declares_nonsense_is_refused_by_name() throws Exception {
        for (String[] broken : new String[][] {
            {"public Broken() { throw new IllegalStateException(\"no config\"); }", "IllegalStateException: no config"},
            {
                "public java.util.Set<String> eventTypes() { return java.util.Set.of(\"asset_purchase\"); }",
                "names asset_purchase, which is no event type"
            },
            {"public String settingsPrefix() { return \"api_\"; }", "declares the settings prefix api_"},
            {"public String name() { return \"has space\"; }", "has the name has space"}
        }) {
            Path dir = Files.createTempDirectory(work, "case-");
            ExtensionJars.build(
                    dir,
                    "broken.jar",
                    "module com.example.broken { requires dev.connectx.extension; provides"
                            + " dev.connectx.extension.EventHandler with com.example.broken.Broken; }",
                    List.of(API),
                    """
                    package com.example.broken;
                    import dev.connectx.extension.*;
                    public class Broken implements EventHandler {
                        %s
                        public HandlerResult handle(Event event, HandlerContext context) { return HandlerResult.done(); }
                    }
                    """.formatted(broken[0]));

            ExtensionLoadException refused =
                    assertThrows(ExtensionLoadException.class, () -> ExtensionLoader.load(dir, services), broken[1]);

            assertTrue(refused.getMessage().contains(broken[1]), refused.getMessage());
            assertTrue(refused.getMessage().contains("com.example.broken"), refused.getMessage());
        }
    }

    @Test
    void two_handlers_of_one_name_are_refused() throws Exception {
        Path dir = extensions();
        ExtensionJars.handlerJar(dir, "one", "One", "same", 0, "");
        ExtensionJars.handlerJar(dir, "two", "Two", "same", 0, "");

        ExtensionLoadException refused =
                assertThrows(ExtensionLoadException.class, () -> ExtensionLoader.load(dir, services));

        assertTrue(refused.getMessage().startsWith("two handlers are named same"), refused.getMessage());
    }

    /** The API module as a jar, whether the build found it as one or as a classes directory. */
    private Path apiJar() throws IOException {
        if (Files.isRegularFile(API)) {
            return API;
        }
        Path jar = work.resolve("api.jar");
        java.util.spi.ToolProvider.findFirst("jar")
                .orElseThrow()
                .run(System.out, System.err, "--create", "--file", jar.toString(), "-C", API.toString(), ".");
        return jar;
    }
}
