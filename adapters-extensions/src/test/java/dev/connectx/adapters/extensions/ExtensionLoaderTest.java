package dev.connectx.adapters.extensions;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.port.out.StoredEventHandler;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.EventType;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.extension.EventHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extension jars built for real (javac, jar) and loaded from a directory into their own module layer. */
class ExtensionLoaderTest {

    private static final Path API = ExtensionJars.locationOf(EventHandler.class);
    private static final Path DOMAIN = ExtensionJars.locationOf(SubscriptionEvent.class);

    @TempDir
    Path work;

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private final HandlerServices services = new HandlerServices(
            new ReadSubscriptionEventsService(store),
            name -> Optional.ofNullable(Map.of("FIRST_TEMPLATE_ID", "TL-1").get(name)),
            Optional.empty());

    private Path extensions() throws IOException {
        return Files.createDirectories(work.resolve("extensions"));
    }

    private static HandledEvent purchase(boolean repeat) {
        return new HandledEvent(aPurchaseEvent().build(), repeat, Optional.empty());
    }

    @Test
    void a_module_jar_s_handlers_are_loaded_in_order_and_see_the_event_and_their_settings() throws Exception {
        Path dir = extensions();
        ExtensionJars.handlerJar(dir, "zeta", "Zeta", "zeta", 1, "");
        ExtensionJars.handlerJar(dir, "alpha", "Alpha", "alpha", 5, "");
        ExtensionJars.handlerJar(dir, "beta", "Beta", "beta", 1, "");

        List<StoredEventHandler> handlers = ExtensionLoader.load(dir, services);

        assertEquals(
                List.of("beta", "zeta", "alpha"),
                handlers.stream().map(StoredEventHandler::name).toList());
        assertEquals("module com.example.beta (beta.jar)", handlers.get(0).origin());
        assertTrue(handlers.get(0).handles(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING));
        HandlerVerdict verdict = handlers.get(0).handle(purchase(true));
        assertEquals(
                HandlerVerdict.fail("PR-5571-0393-2216-001 pending asset_purchase_request_processing repeat=true"
                        + " template=TL-1"),
                verdict);
    }

    @Test
    void an_extension_cannot_find_connectx_classes_by_name() throws Exception {
        Path dir = extensions();
        ExtensionJars.handlerJar(dir, "snoop", "Snoop", "snoop", 0, """
                try {
                    Class<?> found = Class.forName("dev.connectx.application.service.RecordSubscriptionEventService");
                    return HandlerResult.retryLater("found " + found + " by " + found.getClassLoader() + " from " + getClass().getClassLoader() + " parent " + getClass().getClassLoader().getParent());
                } catch (ClassNotFoundException expected) {
                    // the layer's loader has the platform loader for parent
                }
                try {
                    Class<?> found = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false,
                            Thread.currentThread().getContextClassLoader());
                    return HandlerResult.retryLater("found " + found + " by " + found.getClassLoader());
                } catch (ClassNotFoundException expected) {
                    // nor through the context loader connectx sets
                }
                """);

        HandlerVerdict verdict = ExtensionLoader.load(dir, services).get(0).handle(purchase(false));

        assertEquals(HandlerVerdict.Kind.FAIL, verdict.kind(), "a connectx class was found: " + verdict);
    }

    @Test
    void a_jar_that_requires_connectx_internals_fails_to_load_saying_why() throws Exception {
        Path dir = extensions();
        ExtensionJars.build(
                dir,
                "reacher.jar",
                "module com.example.reacher { requires dev.connectx.extension; requires dev.connectx.domain;"
                        + " provides dev.connectx.extension.EventHandler with com.example.reacher.Reacher; }",
                List.of(API, DOMAIN),
                """
                package com.example.reacher;
                import dev.connectx.extension.*;
                public class Reacher implements EventHandler {
                    public HandlerResult handle(Event event, HandlerContext context) {
                        return HandlerResult.fail(dev.connectx.domain.EventType.values()[0].wireName());
                    }
                }
                """);

        ExtensionLoadException refused =
                assertThrows(ExtensionLoadException.class, () -> ExtensionLoader.load(dir, services));

        assertEquals(
                "module com.example.reacher (reacher.jar) requires dev.connectx.domain: those are connectx's own"
                        + " modules, not its extension API. An extension module may require dev.connectx.extension,"
                        + " the JDK's modules, and the modules of the other jars in CONNECTX_EXTENSIONS_DIR",
                refused.getMessage());
    }

    @Test
    void an_empty_directory_has_no_handlers_and_a_missing_one_is_an_error() throws Exception {
        assertEquals(List.of(), ExtensionLoader.load(extensions(), services));
        ExtensionLoadException missing = assertThrows(
                ExtensionLoadException.class, () -> ExtensionLoader.load(work.resolve("nowhere"), services));
        assertTrue(missing.getMessage().contains("is not a directory"), missing.getMessage());
    }
}
