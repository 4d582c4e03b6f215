package dev.connectx.adapters.extensions;

import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.port.out.StoredEventHandler;
import dev.connectx.domain.EventType;
import dev.connectx.domain.TaskId;
import dev.connectx.extension.EventHandler;
import dev.connectx.extension.HandlerResult;
import dev.connectx.logcontext.LogContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One extension's handler as the application calls it: the event and a context in the extension API's terms, the
 * handler's class loader as the thread's context loader, and the task's fields in every log line it writes.
 */
final class ExtensionHandler implements StoredEventHandler {

    private final EventHandler handler;
    private final String name;
    private final String origin;
    private final int order;
    private final Set<EventType> types;
    private final CallServices services;
    private final System.Logger logger;

    ExtensionHandler(
            EventHandler handler, String name, String origin, int order, List<EventType> types, CallServices services) {
        this.handler = handler;
        this.name = name;
        this.origin = origin;
        this.order = order;
        this.types = types.isEmpty() ? EnumSet.allOf(EventType.class) : EnumSet.copyOf(types);
        this.services = services;
        this.logger = System.getLogger(handler.getClass().getName());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String origin() {
        return origin;
    }

    int order() {
        return order;
    }

    String typesShown() {
        return types.size() == EventType.values().length
                ? "every event type"
                : types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(", "));
    }

    @Override
    public boolean handles(EventType type) {
        return types.contains(type);
    }

    @Override
    public HandlerVerdict handle(HandledEvent event) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(handler.getClass().getClassLoader());
        try (LogContext.Scope fields = LogContext.with(
                "task_id", event.event().taskId().map(TaskId::value).orElse(""),
                "event_type", event.event().type().wireName(),
                "request_id", event.event().requestId().value(),
                "handler", name)) {
            HandlerResult result = handler.handle(
                    ExtensionEvents.of(event.event()),
                    new CallContext(
                            event.repeat(),
                            new ExtensionConnectClient(services.connect(), event.credentials()),
                            services,
                            logger));
            return result == null ? null : verdict(result);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static HandlerVerdict verdict(HandlerResult result) {
        return switch (result.outcome()) {
            case DONE -> HandlerVerdict.DONE;
            case RETRY -> HandlerVerdict.retry(result.reason());
            case FAIL -> HandlerVerdict.fail(result.reason());
        };
    }

    @Override
    public String toString() {
        return "handler " + name + " from " + origin;
    }
}
