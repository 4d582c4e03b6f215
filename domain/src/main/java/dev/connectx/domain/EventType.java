package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The kind of event Connect delivers, e.g. {@code asset_purchase_request_processing}.
 *
 * @param name the event type as Connect spells it: lower-case words joined by underscores
 */
public record EventType(String name) {

    // Declared before the constant below, which needs it during class initialisation.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** Connect asks the extension to process a subscription's purchase request. */
    public static final EventType ASSET_PURCHASE_REQUEST_PROCESSING =
            new EventType("asset_purchase_request_processing");

    public EventType {
        Values.identifier("event_type", name, NAME, 100, "asset_purchase_request_processing");
    }

    @Override
    public String toString() {
        return name;
    }
}
