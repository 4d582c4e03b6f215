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
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
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
     * Parses one JSON object.
     *
     * @throws EventRejectedException when the text is not one JSON object or is nested too deeply for MongoDB
     */
    static BsonDocument toBson(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventRejectedException("the request is not a JSON object");
            }
            BsonDocument document = readObject(parser, 1);
            if (parser.nextToken() != null) {
                throw new EventRejectedException("the request has text after its JSON object");
            }
            return document;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new EventRejectedException(
                    "the request exceeds a limit of the JSON parser: " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new EventRejectedException("the request is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BsonDocument readObject(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_PAYLOAD_DEPTH) {
            throw new EventRejectedException(
                    "the request is nested deeper than MongoDB's limit of " + MAX_PAYLOAD_DEPTH + " levels");
        }
        BsonDocument document = new BsonDocument();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (name.indexOf('\0') >= 0) {
                throw new EventRejectedException("the request has a key with a NUL character ('"
                        + name.replace("\0", "\\u0000") + "'), which MongoDB cannot store in a field name");
            }
            parser.nextToken();
            document.put(name, readValue(parser, depth));
        }
        return document;
    }

    private static BsonArray readArray(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_PAYLOAD_DEPTH) {
            throw new EventRejectedException(
                    "the request is nested deeper than MongoDB's limit of " + MAX_PAYLOAD_DEPTH + " levels");
        }
        BsonArray array = new BsonArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser, depth));
        }
        return array;
    }

    private static BsonValue readValue(JsonParser parser, int depth) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, depth + 1);
            case START_ARRAY -> readArray(parser, depth + 1);
            case VALUE_STRING -> new BsonString(parser.getText());
            case VALUE_TRUE -> BsonBoolean.TRUE;
            case VALUE_FALSE -> BsonBoolean.FALSE;
            case VALUE_NULL -> BsonNull.VALUE;
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> new BsonInt32(parser.getIntValue());
                    case LONG -> new BsonInt64(parser.getLongValue());
                    default -> bigInteger(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> new BsonDouble(parser.getDoubleValue());
            default -> throw new IOException("unexpected token " + parser.currentToken());
        };
    }

    /** An integer beyond 64 bits as Decimal128, which holds 34 digits exactly; a longer one would be rounded, so it is refused. */
    private static BsonDecimal128 bigInteger(java.math.BigInteger value) {
        try {
            return new BsonDecimal128(new Decimal128(new java.math.BigDecimal(value)));
        } catch (NumberFormatException e) {
            String digits = value.abs().toString();
            throw new EventRejectedException("the request has an integer of " + digits.length() + " digits ("
                    + digits.substring(0, Math.min(12, digits.length()))
                    + "…), more than MongoDB's Decimal128 keeps exactly (34)");
        }
    }

    /** Writes a document back as JSON text; BSON types that plain JSON lacks are written as strings. */
    static String toJson(BsonDocument document) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeValue(generator, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
