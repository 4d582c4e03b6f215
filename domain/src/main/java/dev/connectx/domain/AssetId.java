package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of a subscription (asset) in Connect, e.g. {@code AS-5571-0393-2216}.
 *
 * @param value the id: {@code AS-} followed by dash-separated groups of digits
 */
public record AssetId(String value) implements SubjectId {

    private static final Pattern FORM = Pattern.compile("AS-[0-9]+(-[0-9]+)*");

    public AssetId {
        Values.identifier("asset.id", value, FORM, 64, "AS-5571-0393-2216");
    }

    @Override
    public RequestFamily family() {
        return RequestFamily.ASSET_REQUEST;
    }

    @Override
    public String toString() {
        return value;
    }
}
