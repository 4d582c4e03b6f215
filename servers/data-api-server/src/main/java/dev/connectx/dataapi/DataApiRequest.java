package dev.connectx.dataapi;

import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** The body of one Data API action, with typed access that names any missing or mistyped field. */
record DataApiRequest(BsonDocument body) {

    String dataSource() {
        return requiredString("dataSource");
    }

    String database() {
        return requiredString("database");
    }

    String collection() {
        return requiredString("collection");
    }

    BsonDocument requiredDocument(String field) {
        return optionalDocument(field).orElseThrow(() -> DataApiException.invalid(field + " is required"));
    }

    Optional<BsonDocument> optionalDocument(String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isDocument()) {
            throw DataApiException.invalid(field + " must be an object");
        }
        return Optional.of(value.asDocument());
    }

    List<BsonDocument> requiredDocuments(String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            throw DataApiException.invalid(field + " is required");
        }
        if (!value.isArray()) {
            throw DataApiException.invalid(field + " must be an array");
        }
        BsonArray array = value.asArray();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isDocument()) {
                throw DataApiException.invalid(field + "[" + i + "] must be an object");
            }
        }
        return array.stream().map(BsonValue::asDocument).toList();
    }

    Optional<Integer> optionalNumber(String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw DataApiException.invalid(field + " must be a number");
        }
        long number = value.asNumber().longValue();
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw DataApiException.invalid(field + " must be a number from 0 to " + Integer.MAX_VALUE);
        }
        return Optional.of((int) number);
    }

    boolean flag(String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw DataApiException.invalid(field + " must be true or false");
        }
        return value.asBoolean().getValue();
    }

    private String requiredString(String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            throw DataApiException.invalid(field + " is required");
        }
        if (!value.isString() || value.asString().getValue().isBlank()) {
            throw DataApiException.invalid(field + " must be a non-empty string");
        }
        return value.asString().getValue();
    }
}
