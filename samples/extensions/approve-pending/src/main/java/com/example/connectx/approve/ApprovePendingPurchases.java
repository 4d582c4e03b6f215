package com.example.connectx.approve;

import dev.connectx.extension.Event;
import dev.connectx.extension.EventHandler;
import dev.connectx.extension.HandlerContext;
import dev.connectx.extension.HandlerResult;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;

/**
 * Approves every pending purchase request with the activation template of {@code APPROVE_TEMPLATE_ID} (a Connect
 * variable of the extension, or the environment). The Python runner's equivalent is an {@code @event} handler for
 * {@code asset_purchase_request_processing} in status {@code pending} that posts to {@code requests/{id}/approve}.
 *
 * <p>connectx calls a handler at least once per stored event. On a repeat, an earlier call may have approved the
 * request already, so the handler asks Connect first: the request is approved once, however often it is delivered.
 */
public final class ApprovePendingPurchases implements EventHandler {

    @Override
    public HandlerResult handle(Event event, HandlerContext context) throws Exception {
        if (!event.status().equals("pending")) {
            return HandlerResult.done();
        }
        Optional<String> template = context.settings().get("TEMPLATE_ID");
        if (template.isEmpty()) {
            // Retry rather than fail: the variable can be set in the portal, and the next delivery then approves.
            return HandlerResult.retryLater("APPROVE_TEMPLATE_ID is not set");
        }
        if (context.repeat()) {
            String current = context.connect().get("requests/" + event.requestId());
            if (!JsonFields.topLevelString(current, "status").equals(Optional.of("pending"))) {
                context.logger().log(Level.INFO, "{0} is no longer pending: approved before", event.requestId());
                return HandlerResult.done();
            }
        }
        context.connect().approve(event.requestId(), template.get());
        context.logger().log(Level.INFO, "approved {0} with template {1}", event.requestId(), template.get());
        return HandlerResult.done();
    }

    @Override
    public String name() {
        return "approve-pending";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("asset_purchase_request_processing");
    }

    @Override
    public String settingsPrefix() {
        return "APPROVE_";
    }
}
