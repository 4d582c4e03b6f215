package dev.connectx.application.port.in;

import dev.connectx.domain.EventKey;
import java.util.Objects;
import java.util.Optional;

/**
 * How a page of events that was handed out one by one ended.
 *
 * @param events how many events the page held
 * @param next where the next page starts (its query's {@code after}); empty after the last page
 */
public record StreamedPage(int events, Optional<EventKey> next) {

    public StreamedPage {
        Objects.requireNonNull(next, "next");
    }
}
