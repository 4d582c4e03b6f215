package dev.connectx.domain;

/**
 * The request exactly as Connect sent it: the text of one JSON object, kept unchanged.
 *
 * <p>The domain treats it as opaque. Whoever builds a payload has parsed the JSON already (the id and status
 * come from it); this type only guards the cheap invariants, so that it never holds an empty or non-object text.
 *
 * @param json the JSON object's text
 */
public record RequestPayload(String json) {

    public RequestPayload {
        Values.required("request", json);
        String trimmed = json.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidEventException("request", "must not be empty");
        }
        if (trimmed.charAt(0) != '{' || trimmed.charAt(trimmed.length() - 1) != '}') {
            throw new InvalidEventException("request", "must be a JSON object");
        }
    }

    /** The size of the JSON text in UTF-16 code units, a cheap proxy for its weight. */
    public int length() {
        return json.length();
    }

    @Override
    public String toString() {
        return "RequestPayload[" + json.length() + " chars]";
    }
}
