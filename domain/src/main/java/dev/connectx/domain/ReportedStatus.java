package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The status of an asset or a tier configuration as Connect reported it inside a request, e.g. {@code active},
 * {@code suspended}, {@code terminated}: kept as sent, since its list differs between Connect's schemas.
 *
 * @param value lower-case letters and underscores, at most 40
 */
public record ReportedStatus(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z_]{0,39}");

    public ReportedStatus {
        Values.identifier("status", value, FORM, 40, "active");
    }

    @Override
    public String toString() {
        return value;
    }
}
