package dev.connectx.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The part of Connect's RQL the simulator answers: {@code and(…)}, {@code or(…)}, {@code eq(field,value)},
 * {@code ne}, {@code in(field,(a,b))}, {@code ge}/{@code gt}/{@code le}/{@code lt} (dates compared as instants), on
 * dotted field paths such as {@code asset.status}. Anything else is refused, as Connect answers 400.
 */
final class Rql {

    private final String text;
    private int at;

    private Rql(String text) {
        this.text = text;
    }

    /** The predicate of one RQL term, e.g. {@code and(in(type,(purchase)),ge(updated,2025-01-01T00:00:00Z))}. */
    static Predicate<JsonNode> parse(String term) {
        Rql parser = new Rql(term);
        Predicate<JsonNode> predicate = parser.expression();
        if (parser.at != term.length()) {
            throw new IllegalArgumentException("unexpected text at " + parser.at + " in " + term);
        }
        return predicate;
    }

    private Predicate<JsonNode> expression() {
        String name = word();
        expect('(');
        Predicate<JsonNode> predicate = switch (name) {
            case "and", "or" -> {
                List<Predicate<JsonNode>> parts = new ArrayList<>();
                do {
                    parts.add(expression());
                } while (accept(','));
                yield name.equals("and")
                        ? node -> parts.stream().allMatch(part -> part.test(node))
                        : node -> parts.stream().anyMatch(part -> part.test(node));
            }
            case "in" -> {
                String field = word();
                expect(',');
                expect('(');
                List<String> values = new ArrayList<>();
                do {
                    values.add(word());
                } while (accept(','));
                expect(')');
                yield node -> values.contains(value(node, field));
            }
            case "eq", "ne", "ge", "gt", "le", "lt" -> {
                String field = word();
                expect(',');
                String value = word();
                yield node -> compare(name, value(node, field), value);
            }
            default -> throw new IllegalArgumentException("unknown RQL operator " + name);
        };
        expect(')');
        return predicate;
    }

    private static boolean compare(String operator, String actual, String wanted) {
        if (actual == null) {
            return operator.equals("ne");
        }
        int order = compare(actual, wanted);
        return switch (operator) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "ge" -> order >= 0;
            case "gt" -> order > 0;
            case "le" -> order <= 0;
            default -> order < 0;
        };
    }

    /** Instants when both are dates, else text. */
    static int compare(String a, String b) {
        Optional<Instant> x = instant(a);
        Optional<Instant> y = x.isPresent() ? instant(b) : Optional.empty();
        return x.isPresent() && y.isPresent() ? x.get().compareTo(y.get()) : a.compareTo(b);
    }

    /**
     * Texts read as instants, remembered: a list page compares every held object's date several times, and parsing
     * (or failing to parse) each time made the simulator slower than the runner it serves.
     */
    private static final Map<String, Optional<Instant>> INSTANTS = new ConcurrentHashMap<>();

    private static final int MAX_REMEMBERED = 1_000_000;

    private static Optional<Instant> instant(String text) {
        if (text.length() < 20 || !Character.isDigit(text.charAt(0)) || text.charAt(4) != '-') {
            return Optional.empty();
        }
        if (INSTANTS.size() > MAX_REMEMBERED) {
            INSTANTS.clear();
        }
        return INSTANTS.computeIfAbsent(text, value -> {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        });
    }

    /** The text at a dotted path, or null. */
    static String value(JsonNode node, String path) {
        JsonNode at = node;
        for (String name : path.split("\\.")) {
            at = at == null ? null : at.get(name);
        }
        return at == null || at.isNull() || at.isContainerNode() ? null : at.asText();
    }

    private String word() {
        int start = at;
        while (at < text.length() && "(),".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("a name or value is missing at " + start + " in " + text);
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw new IllegalArgumentException("'" + c + "' expected at " + at + " in " + text);
        }
    }

    private boolean accept(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }
}
