package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of a tier configuration in Connect, e.g. {@code TC-195-110-021}.
 *
 * @param value the id: {@code TC-} followed by dash-separated groups of digits
 */
public record TierConfigId(String value) implements SubjectId {

    private static final Pattern FORM = Pattern.compile("TC-[0-9]+(-[0-9]+)*");

    public TierConfigId {
        Values.identifier("configuration.id", value, FORM, 64, "TC-195-110-021");
    }

    @Override
    public RequestFamily family() {
        return RequestFamily.TIER_CONFIG_REQUEST;
    }

    @Override
    public String toString() {
        return value;
    }
}
