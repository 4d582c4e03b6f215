package dev.connectx.domain;

import java.util.regex.Pattern;

/**
 * The id of a tier account in Connect, e.g. {@code TA-1208-1373-1762}.
 *
 * @param value the id: {@code TA-} followed by dash-separated groups of digits
 */
public record AccountId(String value) {

    private static final Pattern FORM = Pattern.compile("TA-[0-9]+(-[0-9]+)*");

    public AccountId {
        Values.identifier("configuration.account.id", value, FORM, 64, "TA-1208-1373-1762");
    }

    @Override
    public String toString() {
        return value;
    }
}
