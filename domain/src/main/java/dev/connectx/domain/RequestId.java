package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of a request as Connect numbers it: an asset request, e.g. {@code PR-5571-0393-2216-001}, or a tier
 * configuration request, e.g. {@code TCR-195-110-021-001}.
 *
 * @param value the id: {@code PR-} or {@code TCR-} followed by dash-separated groups of digits
 */
public record RequestId(String value) {

    private static final Pattern FORM = Pattern.compile("(PR|TCR)-[0-9]+(-[0-9]+)*");

    public RequestId {
        Values.identifier("id", value, FORM, 64, "PR-5571-0393-2216-001");
    }

    /** Which kind of request the id names, read from its prefix. */
    public RequestFamily family() {
        return value.startsWith(RequestFamily.TIER_CONFIG_REQUEST.idPrefix())
                ? RequestFamily.TIER_CONFIG_REQUEST
                : RequestFamily.ASSET_REQUEST;
    }

    @Override
    public String toString() {
        return value;
    }
}
