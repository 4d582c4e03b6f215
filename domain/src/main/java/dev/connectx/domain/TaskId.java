package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of the Connect task that delivered an event, e.g. {@code TQ-8071-2231-9974}.
 *
 * @param value letters, digits and dashes, at most 64 characters
 */
public record TaskId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    public TaskId {
        Values.identifier("task_id", value, FORM, 64, "TQ-8071-2231-9974");
    }

    @Override
    public String toString() {
        return value;
    }
}
