package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of a Connect product, e.g. {@code PRD-276-377-545}.
 *
 * @param value the id: {@code PRD-} followed by dash-separated groups of digits
 */
public record ProductId(String value) {

    private static final Pattern FORM = Pattern.compile("PRD-[0-9]+(-[0-9]+)*");

    public ProductId {
        Values.identifier("asset.product.id", value, FORM, 64, "PRD-276-377-545");
    }

    @Override
    public String toString() {
        return value;
    }
}
