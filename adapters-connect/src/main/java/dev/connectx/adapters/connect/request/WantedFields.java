package dev.connectx.adapters.connect.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a request object into a tree of only the fields {@link RequestReader} looks at (its id, type, status and
 * times, the asset's and the configuration's ids and statuses). Every other value is skipped by the parser, still
 * checked as JSON but never turned into text or nodes: a request with a 15 MiB note costs its text once, not three
 * times over.
 *
 * <p>A wanted field whose value is an object or array where a scalar is expected reads as an empty one of its kind,
 * so that its error still names what was found.
 */
final class WantedFields {

    private static final Map<String, Object> LEAF = Map.of();
    /** Field name to its wanted children; a {@link #LEAF} is read whole when it is a scalar. */
    private static final Map<String, Object> REQUEST = Map.of(
            "id", LEAF,
            "type", LEAF,
            "status", LEAF,
            "updated", LEAF,
            "asset", Map.of("id", LEAF, "status", LEAF, "product", Map.of("id", LEAF)),
            "configuration",
                    Map.of(
                            "id", LEAF,
                            "status", LEAF,
                            "tier_level", LEAF,
                            "account", Map.of("id", LEAF),
                            "product", Map.of("id", LEAF)),
            "events", Map.of("updated", Map.of("at", LEAF)));

    private WantedFields() {}

    /** Reads the object the parser is at (its {@code START_OBJECT} is the current token), to its end. */
    static ObjectNode readRequest(ObjectMapper json, JsonParser parser) throws IOException {
        return readObject(json, parser, REQUEST);
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode readObject(ObjectMapper json, JsonParser parser, Map<String, Object> wanted)
            throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Object children = wanted.get(name);
            if (children == null) {
                parser.skipChildren();
            } else if (children == LEAF || value != JsonToken.START_OBJECT) {
                node.set(name, leaf(json, parser, value));
            } else {
                node.set(name, readObject(json, parser, (Map<String, Object>) children));
            }
        }
        return node;
    }

    private static JsonNode leaf(ObjectMapper json, JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case START_OBJECT -> {
                parser.skipChildren();
                yield JsonNodeFactory.instance.objectNode();
            }
            case START_ARRAY -> {
                parser.skipChildren();
                yield JsonNodeFactory.instance.arrayNode();
            }
            default -> json.readTree(parser);
        };
    }
}
