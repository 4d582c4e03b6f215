package dev.connectx.adapters.connect.rest;

import java.util.OptionalLong;

/**
 * What a list page said of itself: its {@code Content-Range} ({@code items <first>-<last>/<total>}), when it sent a
 * readable one, and how many objects it held.
 *
 * @param total how many objects the list holds in all, when Connect said
 * @param last the position of the page's last object, when Connect said
 * @param received the objects the page held
 */
public record ListedPage(OptionalLong total, OptionalLong last, int received) {

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
