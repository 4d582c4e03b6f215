package dev.connectx.adapters.connect.rest;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a list page said of itself: its {@code Content-Range} ({@code items <first>-<last>/<total>}), when it sent a
 * readable one, and how many objects it held.
 *
 * @param total how many objects the list holds in all, when Connect said
 * @param last the position of the page's last object, when Connect said
 * @param received the objects the page held
 */
public record ListedPage(OptionalLong total, OptionalLong last, int received) {

    private static final Pattern CONTENT_RANGE = Pattern.compile("items\\s+(\\d+)-(\\d+)/(\\d+)");

    /** The page a response's {@code Content-Range} describes (nothing of it when absent or unreadable). */
    static ListedPage of(HttpHeaders headers, int received) {
        Optional<Matcher> range =
                headers.firstValue("Content-Range").map(CONTENT_RANGE::matcher).filter(Matcher::find);
        return new ListedPage(
                range.map(m -> OptionalLong.of(Long.parseLong(m.group(3)))).orElse(OptionalLong.empty()),
                range.map(m -> OptionalLong.of(Long.parseLong(m.group(2)))).orElse(OptionalLong.empty()),
                received);
    }

    /**
     * Whether nothing comes after this page: it was empty, its last object is the list's last one, or (without a
     * {@code Content-Range}) it held fewer objects than asked for.
     */
    public boolean isLast(int limit) {
        if (received == 0) {
            return true;
        }
        if (total.isPresent() && last.isPresent()) {
            return last.getAsLong() >= total.getAsLong() - 1;
        }
        return received < limit;
    }
}
