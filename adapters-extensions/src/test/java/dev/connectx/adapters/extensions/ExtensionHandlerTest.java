package dev.connectx.adapters.extensions;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.service.ReadSubscriptionEventsService;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.extension.ConnectCallException;
import dev.connectx.extension.Event;
import dev.connectx.extension.EventHandler;
import dev.connectx.extension.HandlerContext;
import dev.connectx.extension.HandlerResult;
import dev.connectx.logcontext.LogContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The view a handler gets of one call: the event, the stored events, its settings, Connect, the log fields. */
class ExtensionHandlerTest {

    private final InMemorySubscriptionEventStore store = new InMemorySubscriptionEventStore();
    private final Map<String, String> settings =
            Map.of("CRM_URL", "https://crm.example", "CRM_EMPTY", "", "DB_PASSWORD", "x");

    private ExtensionHandler wrap(EventHandler handler, String prefix) {
        HandlerServices services = new HandlerServices(
                new ReadSubscriptionEventsService(store),
                name -> Optional.ofNullable(settings.get(name)),
                Optional.empty());
        return new ExtensionHandler(handler, "crm", "test", 0, List.of(), new CallServices(services, prefix));
    }

    private static HandledEvent event() {
        return new HandledEvent(aPurchaseEvent().withTaskId("TQ-1").build(), false, Optional.empty());
    }

    @Test
    void a_call_sees_its_settings_through_its_prefix_only() throws Exception {
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        wrap(
                        (event, context) -> {
                            seen.set(List.of(
                                    context.settings().get("URL"),
                                    context.settings().get("EMPTY"),
                                    context.settings().get("MISSING"),
                                    context.settings().prefix()));
                            return HandlerResult.done();
                        },
                        "CRM_")
                .handle(event());

        assertEquals(
                List.of(Optional.of("https://crm.example"), Optional.empty(), Optional.empty(), "CRM_"), seen.get());
    }

    @Test
    void a_handler_without_a_prefix_reads_no_setting_at_all() throws Exception {
        AtomicReference<Exception> refused = new AtomicReference<>();
        wrap(
                        (event, context) -> {
                            refused.set(assertThrows(
                                    IllegalStateException.class,
                                    () -> context.settings().get("DB_PASSWORD")));
                            return HandlerResult.done();
                        },
                        "")
                .handle(event());

        assertTrue(
                refused.get().getMessage().contains("declares no settingsPrefix()"),
                refused.get().getMessage());
    }

    @Test
    void a_call_logs_with_the_task_fields_and_runs_with_the_handler_s_class_loader() throws Exception {
        AtomicReference<Map<String, String>> fields = new AtomicReference<>();
        AtomicReference<ClassLoader> loader = new AtomicReference<>();
        EventHandler handler = (event, context) -> {
            fields.set(LogContext.current());
            loader.set(Thread.currentThread().getContextClassLoader());
            return HandlerResult.retryLater("later");
        };
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        HandlerVerdict verdict = wrap(handler, "").handle(event());

        assertEquals(HandlerVerdict.retry("later"), verdict);
        assertEquals("TQ-1", fields.get().get("task_id"));
        assertEquals("crm", fields.get().get("handler"));
        assertEquals("PR-5571-0393-2216-001", fields.get().get("request_id"));
        assertEquals(handler.getClass().getClassLoader(), loader.get());
        assertEquals(before, Thread.currentThread().getContextClassLoader());
        assertEquals(Map.of(), LogContext.current());
    }

    @Test
    void stored_events_and_connect_are_there_and_say_clearly_what_they_cannot_do() throws Exception {
        store.save(aPurchaseEvent().build());
        AtomicReference<List<Event>> history = new AtomicReference<>();
        AtomicReference<List<ConnectCallException>> refusals = new AtomicReference<>();
        wrap(
                        (Event event, HandlerContext context) -> {
                            history.set(context.storedEvents().ofRequest(event.requestId()));
                            refusals.set(List.of(
                                    assertThrows(
                                            ConnectCallException.class,
                                            () -> context.connect().approve(event.requestId(), " ")),
                                    assertThrows(
                                            ConnectCallException.class,
                                            () -> context.connect().fail("not an id!", "r")),
                                    assertThrows(
                                            ConnectCallException.class,
                                            () -> context.connect().get("requests/" + event.requestId()))));
                            return HandlerResult.done();
                        },
                        "")
                .handle(event());

        assertEquals(1, history.get().size());
        assertEquals("pending", history.get().get(0).status());
        assertTrue(refusals.get().get(0).getMessage().contains("needs a template id"));
        assertTrue(
                refusals.get().get(1).getMessage().startsWith("not a request id"),
                refusals.get().get(1).getMessage());
        assertTrue(refusals.get().get(2).getMessage().contains("connectx runs in local mode"));
        assertEquals(0, refusals.get().get(2).status());
    }
}
