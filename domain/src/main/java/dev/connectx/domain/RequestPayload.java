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
        // the first and last characters that are not white space, found in place: a copy of a 15 MiB text to strip
        // it would cost as much memory as the text itself
        int first = 0;
        int last = json.length() - 1;
        while (first <= last && Character.isWhitespace(json.charAt(first))) {
            first++;
        }
        while (last >= first && Character.isWhitespace(json.charAt(last))) {
            last--;
        }
        if (first > last) {
            throw new InvalidEventException("request", "must not be empty");
        }
        if (json.charAt(first) != '{' || json.charAt(last) != '}') {
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
