package dev.connectx.adapters.connect.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.Printable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading the fields of a Connect object, each refusal naming the field with dots ({@code asset.product.id}). */
final class JsonFields {

    private JsonFields() {}

    /** The string at a path; the field is named with dots, as in {@code asset.product.id}. */
    static String text(JsonNode root, String... path) {
        String field = String.join(".", path);
        JsonNode node = root;
        for (String name : path) {
            if (!node.isObject()) {
                throw new InvalidEventException(
                        field,
                        "is required, but " + field.substring(0, field.lastIndexOf('.')) + " is " + describe(node));
            }
            node = node.get(name);
            if (node == null || node.isNull()) {
                throw new InvalidEventException(field, "is required");
            }
        }
        if (!node.isTextual()) {
            throw new InvalidEventException(field, "must be a string, not " + describe(node));
        }
        return node.textValue();
    }

    static Instant instant(JsonNode root, String... path) {
        String field = String.join(".", path);
        String value = text(root, path);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(
                    field,
                    Printable.quoted(value, 40)
                            + " is not an ISO-8601 date-time with offset, e.g. 2023-01-18T10:02:13+00:00");
        }
    }

    static boolean present(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
