package com.example.connectx.approve;

import java.util.Optional;

/**
 * Reads one string member of a JSON object's top level, skipping nested objects, arrays and strings, so that a
 * request's {@code status} is not confused with its asset's. Enough for this sample without a JSON library; an
 * extension that reads more bundles one in its jar.
 */
final class JsonFields {

    private JsonFields() {}

    static Optional<String> topLevelString(String json, String name) {
        int depth = 0;
        String lastString = null;
        boolean awaitingValue = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '{', '[' -> {
                    depth++;
                    awaitingValue = false;
                }
                case '}', ']' -> depth--;
                case ':' -> awaitingValue = depth == 1 && name.equals(lastString);
                case ',' -> awaitingValue = false;
                case '"' -> {
                    int end = endOfString(json, i);
                    String text = json.substring(i + 1, end);
                    if (awaitingValue) {
                        return Optional.of(text);
                    }
                    lastString = text;
                    i = end;
                }
                default -> {
                    // whitespace, numbers, literals
                }
            }
        }
        return Optional.empty();
    }

    private static int endOfString(String json, int start) {
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("an unterminated string in the JSON");
    }
}
