package dev.connectx.adapters.web;

import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.Printable;
import dev.connectx.domain.RequestStatus;
import io.helidon.common.parameters.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The query parameters of a page of events: {@code event_type}, {@code status}, {@code since} (an ISO-8601 instant or date-time with
 * offset), {@code limit} (1 to {@value EventsQuery#MAX_LIMIT}) and {@code after} (the opaque cursor a previous
 * page's {@code next} carries). Each is refused with a 400 naming it.
 */
final class EventsParameters {

    static final Set<String> ALL = Set.of("event_type", "status", "since", "limit", "after");
    static final Set<String> PAGING = Set.of("limit", "after");

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private EventsParameters() {}

    /** The query the parameters describe, over {@code base}; only the {@code allowed} parameters may appear. */
    static EventsQuery read(Parameters parameters, Set<String> allowed, EventsQuery base) {
        for (String name : parameters.names()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException("unknown parameter " + Printable.quoted(name, 40) + "; use "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        EventsQuery query = base;
        if (parameters.contains("event_type")) {
            String value = parameters.first("event_type").get();
            query = query.withEventType(parse("event_type", () -> EventType.fromWireName(value)));
        }
        if (parameters.contains("status")) {
            String value = parameters.first("status").get();
            query = query.withStatus(parse("status", () -> RequestStatus.fromWireName(value)));
        }
        if (parameters.contains("since")) {
            query = query.withSince(instant(parameters.first("since").get()));
        }
        if (parameters.contains("limit")) {
            query = query.withLimit(limit(parameters.first("limit").get()));
        }
        if (parameters.contains("after")) {
            query = query.withAfter(cursor(parameters.first("after").get()));
        }
        return query;
    }

    /** The query string of the page that starts after {@code next}, with the same filters. */
    static String nextPage(EventsQuery query, boolean withFilters, EventKey next) {
        StringJoiner parameters = new StringJoiner("&");
        if (withFilters) {
            query.eventType().ifPresent(type -> parameters.add("event_type=" + type.wireName()));
            query.status().ifPresent(s -> parameters.add("status=" + s.wireName()));
            query.since().ifPresent(instant -> parameters.add("since=" + instant));
        }
        parameters.add("limit=" + query.limit());
        parameters.add("after="
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(next.value().getBytes(StandardCharsets.UTF_8)));
        return parameters.toString();
    }

    /** Parses a value; a domain refusal becomes a 400 naming the parameter. */
    static <T> T parse(String parameter, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidEventException e) {
            throw new BadParameterException(parameter + ": " + e.problem());
        }
    }

    private static Instant instant(String value) {
        Instant instant;
        try {
            instant = value.endsWith("Z") || value.endsWith("z")
                    ? Instant.parse(value.toUpperCase())
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException("since: " + Printable.quoted(value, 40)
                    + " is not an ISO-8601 date-time, e.g. 2026-11-27T10:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadParameterException(
                    "since: " + Printable.quoted(value, 40) + " is outside the years 1 to 9999");
        }
        return instant;
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= EventsQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(
                "limit: " + Printable.quoted(value, 40) + " is not a number from 1 to " + EventsQuery.MAX_LIMIT);
    }

    private static EventKey cursor(String value) {
        try {
            return EventKey.parse(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("after: not a cursor from this API's next link");
        }
    }
}
