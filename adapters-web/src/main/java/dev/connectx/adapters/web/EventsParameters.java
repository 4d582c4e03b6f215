package dev.connectx.adapters.web;

import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.RequestStatus;
import io.helidon.common.parameters.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The query parameters of {@code GET /api/events}: {@code status}, {@code since} (an ISO-8601 instant or
 * date-time with offset), {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and
 * {@code after} (the opaque cursor a previous page's {@code next} carries).
 */
record EventsParameters(Optional<RequestStatus> status, Optional<Instant> since, int limit,
        Optional<EventKey> after) {

    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 50;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    static EventsParameters from(Parameters query) {
        for (String name : query.names()) {
            if (!name.equals("status") && !name.equals("since") && !name.equals("limit") && !name.equals("after")) {
                throw new BadParameterException("unknown parameter '" + name + "'; use status, since, limit and after");
            }
        }
        Optional<RequestStatus> status = query.first("status").asOptional()
                .map(value -> parse("status", () -> RequestStatus.fromWireName(value)));
        Optional<Instant> since = query.first("since").asOptional().map(EventsParameters::instant);
        int limit = query.first("limit").asOptional().map(EventsParameters::limit).orElse(DEFAULT_LIMIT);
        Optional<EventKey> after = query.first("after").asOptional().map(EventsParameters::cursor);
        return new EventsParameters(status, since, limit, after);
    }

    EventQuery query() {
        EventQuery query = EventQuery.all().withLimit(limit);
        if (status.isPresent()) {
            query = query.withStatus(status.get());
        }
        if (since.isPresent()) {
            query = query.withUpdatedSince(since.get());
        }
        return after.isPresent() ? query.withAfter(after.get()) : query;
    }

    /** The query string of the page after this one. */
    String nextPage(EventQuery next) {
        StringJoiner parameters = new StringJoiner("&");
        status.ifPresent(s -> parameters.add("status=" + s.wireName()));
        since.ifPresent(instant -> parameters.add("since=" + instant));
        parameters.add("limit=" + limit);
        next.after().ifPresent(key -> parameters.add("after="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key.value().getBytes(StandardCharsets.UTF_8))));
        return parameters.toString();
    }

    /** Parses a value; a domain refusal becomes a 400 naming the parameter. */
    static <T> T parse(String parameter, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidEventException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw new BadParameterException(parameter + ": " + (colon < 0 ? message : message.substring(colon + 2)));
        }
    }

    private static Instant instant(String value) {
        Instant instant;
        try {
            instant = value.endsWith("Z") || value.endsWith("z") ? Instant.parse(value.toUpperCase()) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException("since: '" + shorten(value) + "' is not an ISO-8601 date-time, e.g. 2026-11-27T10:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadParameterException("since: '" + shorten(value) + "' is outside the years 1 to 9999");
        }
        return instant;
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException("limit: '" + shorten(value) + "' is not a number from 1 to " + MAX_LIMIT);
    }

    private static EventKey cursor(String value) {
        try {
            return EventKey.parse(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("after: not a cursor from this API's next link");
        }
    }

    /** A refused value quoted safely: control characters escaped, at most 40 characters. */
    private static String shorten(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append("\\u%04x".formatted(c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 40 ? shown + "…" : shown.toString();
    }
}
