package dev.connectx.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list request's query string, decoded: RQL terms joined by {@code &} (all must hold), {@code ordering(field)}
 * ({@code -field} for descending), {@code limit=N} and {@code offset=M}.
 */
record ListQuery(
        Predicate<JsonNode> filter,
        List<String> idsNamed,
        Optional<String> onlyId,
        Comparator<ObjectNode> order,
        int limit,
        int offset) {

    private static final Pattern EQ_ID = Pattern.compile("eq\\(id,([^),]+)\\)");
    /** A filter that holds for one id at most: {@code eq(id,X)} alone, or first in a top-level {@code and}. */
    private static final Pattern ONE_ID = Pattern.compile("(?:and\\()?eq\\(id,([^),]+)\\).*");

    private static final int DEFAULT_LIMIT = 100;

    static ListQuery parse(String query) {
        List<Predicate<JsonNode>> terms = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Optional<String> onlyId = Optional.empty();
        Comparator<ObjectNode> order =
                Comparator.comparing(node -> node.path("id").asText());
        int limit = DEFAULT_LIMIT;
        int offset = 0;
        for (String term : query.split("&")) {
            if (term.isBlank()) {
                continue;
            }
            if (term.startsWith("limit=")) {
                limit = Integer.parseInt(term.substring("limit=".length()));
            } else if (term.startsWith("offset=")) {
                offset = Integer.parseInt(term.substring("offset=".length()));
            } else if (term.startsWith("ordering(") && term.endsWith(")")) {
                order = ordering(term.substring("ordering(".length(), term.length() - 1));
            } else {
                terms.add(Rql.parse(term));
                Matcher one = ONE_ID.matcher(term);
                if (one.matches() && (term.startsWith("and(") || term.startsWith("eq("))) {
                    onlyId = Optional.of(one.group(1));
                }
                Matcher id = EQ_ID.matcher(term);
                while (id.find()) {
                    ids.add(id.group(1));
                }
            }
        }
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
        return new ListQuery(
                node -> terms.stream().allMatch(term -> term.test(node)), ids, onlyId, order, limit, offset);
    }

    boolean namesId(String id) {
        return idsNamed.contains(id);
    }

    private static Comparator<ObjectNode> ordering(String field) {
        boolean descending = field.startsWith("-");
        String path = descending ? field.substring(1) : field;
        Comparator<ObjectNode> byField = (a, b) -> {
            String x = Rql.value(a, path);
            String y = Rql.value(b, path);
            return x == null || y == null ? (x == null ? (y == null ? 0 : -1) : 1) : Rql.compare(x, y);
        };
        Comparator<ObjectNode> order =
                byField.thenComparing(node -> node.path("id").asText());
        return descending ? order.reversed() : order;
    }
}
