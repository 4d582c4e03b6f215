package dev.connectx.adapters.extensions;

import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import dev.connectx.extension.Event;

/** The domain's event as the extension API shows it. */
final class ExtensionEvents {

    private ExtensionEvents() {}

    static Event of(SubscriptionEvent event) {
        return new Event(
                event.type().wireName(),
                event.requestId().value(),
                event.status().wireName(),
                event.subject().id().value(),
                event.subject().productId().value(),
                event.updated(),
                event.taskId().map(TaskId::value),
                event.request().json());
    }
}
