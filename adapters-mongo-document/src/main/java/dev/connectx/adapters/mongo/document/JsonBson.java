package dev.connectx.adapters.mongo.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.connectx.application.port.out.EventRejectedException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.types.Decimal128;

/**
 * Converts plain JSON to BSON and back, literally: unlike Extended JSON parsing, keys such as {@code $oid} or
 * {@code $date} stay ordinary fields, so a Connect payload is kept exactly as sent.
 *
 * <p>Numbers keep their JSON kind: integers become Int32 or Int64 (Decimal128 beyond), fractions become Double.
 */
final class JsonBson {

    /** MongoDB refuses documents nested deeper than 100 levels; the payload sits one level below the root. */
    static final int MAX_PAYLOAD_DEPTH = 99;

    /** Jackson's own limits sit above MongoDB's, so that the size and depth checks name MongoDB's limits. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_PAYLOAD_DEPTH + 1)
                    .maxStringLength(64 * 1024 * 1024)
                    .build())
            .build();

    private JsonBson() {}

    /**
     * Parses one JSON object and writes it, as it is read, as the next value of {@code out}: no tree of the whole
     * object is built, so a large request is held once, as the BSON it becomes.
     *
     * @throws EventRejectedException when the text is not one JSON object or is nested too deeply for MongoDB
     */
    static void write(String json, BsonWriter out) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventRejectedException("the request is not a JSON object");
            }
            writeObject(parser, out, 1);
            if (parser.nextToken() != null) {
                throw new EventRejectedException("the request has text after its JSON object");
            }
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new EventRejectedException(
                    "the request exceeds a limit of the JSON parser: " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new EventRejectedException("the request is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeObject(JsonParser parser, BsonWriter out, int depth) throws IOException {
        checkDepth(depth);
        out.writeStartDocument();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (name.indexOf('\0') >= 0) {
                throw new EventRejectedException("the request has a key with a NUL character ('"
                        + name.replace("\0", "\\u0000") + "'), which MongoDB cannot store in a field name");
            }
            out.writeName(name);
            parser.nextToken();
            writeValue(parser, out, depth);
        }
        out.writeEndDocument();
    }

    private static void writeArray(JsonParser parser, BsonWriter out, int depth) throws IOException {
        checkDepth(depth);
        out.writeStartArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            writeValue(parser, out, depth);
        }
        out.writeEndArray();
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_PAYLOAD_DEPTH) {
            throw new EventRejectedException(
                    "the request is nested deeper than MongoDB's limit of " + MAX_PAYLOAD_DEPTH + " levels");
        }
    }

    private static void writeValue(JsonParser parser, BsonWriter out, int depth) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> writeObject(parser, out, depth + 1);
            case START_ARRAY -> writeArray(parser, out, depth + 1);
            case VALUE_STRING -> out.writeString(parser.getText());
            case VALUE_TRUE -> out.writeBoolean(true);
            case VALUE_FALSE -> out.writeBoolean(false);
            case VALUE_NULL -> out.writeNull();
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> out.writeInt32(parser.getIntValue());
                    case LONG -> out.writeInt64(parser.getLongValue());
                    default -> out.writeDecimal128(bigInteger(parser.getBigIntegerValue()));
                }
            }
            case VALUE_NUMBER_FLOAT -> out.writeDouble(parser.getDoubleValue());
            default -> throw new IOException("unexpected token " + parser.currentToken());
        }
    }

    /** An integer beyond 64 bits as Decimal128, which holds 34 digits exactly; a longer one would be rounded, so it is refused. */
    private static Decimal128 bigInteger(java.math.BigInteger value) {
        try {
            return new Decimal128(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
            String digits = value.abs().toString();
            throw new EventRejectedException("the request has an integer of " + digits.length() + " digits ("
                    + digits.substring(0, Math.min(12, digits.length()))
                    + "…), more than MongoDB's Decimal128 keeps exactly (34)");
        }
    }

    /** Writes a document back as JSON text; BSON types that plain JSON lacks are written as strings. */
    static String toJson(BsonDocument document) {
        StringWriter out = new StringWriter(textLength(document));
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeValue(generator, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * About the length of the JSON text of {@code value} (exact for plain ASCII strings, an estimate for numbers),
     * so that its text is written into one buffer of about the right size rather than into ever-doubling ones.
     */
    private static int textLength(BsonValue value) {
        long length = switch (value.getBsonType()) {
            case DOCUMENT -> {
                long sum = 2;
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    sum += field.getKey().length() + 4L + textLength(field.getValue());
                }
                yield sum;
            }
            case ARRAY -> {
                long sum = 2;
                for (BsonValue element : value.asArray()) {
                    sum += 1L + textLength(element);
                }
                yield sum;
            }
            case STRING -> value.asString().getValue().length() + 2L;
            default -> 24;
        };
        return (int) Math.min(length, Integer.MAX_VALUE - 16);
    }

    private static void writeValue(JsonGenerator out, BsonValue value) throws IOException {
        switch (value.getBsonType()) {
            case DOCUMENT -> {
                out.writeStartObject();
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    out.writeFieldName(field.getKey());
                    writeValue(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (BsonValue element : value.asArray()) {
                    writeValue(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(value.asString().getValue());
            case BOOLEAN -> out.writeBoolean(value.asBoolean().getValue());
            case NULL, UNDEFINED -> out.writeNull();
            case INT32 -> out.writeNumber(value.asInt32().getValue());
            case INT64 -> out.writeNumber(value.asInt64().getValue());
            case DOUBLE -> out.writeNumber(value.asDouble().getValue());
            case DECIMAL128 -> out.writeNumber(value.asDecimal128().getValue().bigDecimalValue());
            case DATE_TIME ->
                out.writeString(
                        Instant.ofEpochMilli(value.asDateTime().getValue()).toString());
            case OBJECT_ID -> out.writeString(value.asObjectId().getValue().toHexString());
            default -> out.writeString(value.toString());
        }
    }
}
