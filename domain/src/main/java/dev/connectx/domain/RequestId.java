package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of a purchase request (fulfillment request), as Connect numbers it, e.g. {@code PR-5571-0393-2216-001}.
 *
 * @param value the id: {@code PR-} followed by dash-separated groups of digits
 */
public record RequestId(String value) {

    private static final Pattern FORM = Pattern.compile("PR-[0-9]+(-[0-9]+)*");

    public RequestId {
        Values.identifier("id", value, FORM, 64, "PR-5571-0393-2216-001");
    }

    @Override
    public String toString() {
        return value;
    }
}
