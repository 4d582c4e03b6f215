package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.StoreUnavailableException;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** A Data API answer: its HTTP status and its body, read as Extended JSON (an unreadable body becomes its error). */
record DataApiReply(int status, BsonDocument body) {

    /** What an answer means for the call that got it. */
    enum Kind {
        SUCCESS,
        /** 401/403: the key was refused; repeating the call will not help. */
        KEY_REFUSED,
        /** 429 and 5xx: try again later. */
        TRANSIENT,
        /** Any other 4xx: this request will never be accepted. */
        REFUSED
    }

    Kind kind() {
        if (status / 100 == 2) {
            return Kind.SUCCESS;
        }
        if (status == 401 || status == 403) {
            return Kind.KEY_REFUSED;
        }
        if (status == 429 || status / 100 == 5) {
            return Kind.TRANSIENT;
        }
        return Kind.REFUSED;
    }

    boolean isSuccess() {
        return kind() == Kind.SUCCESS;
    }

    boolean isDuplicateKey() {
        String code = text("error_code");
        String error = text("error");
        return kind() == Kind.REFUSED
                && ("DuplicateKey".equals(code) || error.contains("E11000") || error.contains("duplicate key"));
    }

    /** The exception the store throws for this answer: the key is never quoted. */
    RuntimeException failure(String action) {
        String detail = text("error") + (text("error_code").isEmpty() ? "" : " (" + text("error_code") + ")");
        return switch (kind()) {
            case KEY_REFUSED -> new EventRejectedException("the Data API refused the key (HTTP " + status + ")");
            case TRANSIENT ->
                new StoreUnavailableException(
                        "the Data API answered " + action + " with HTTP " + status + ": " + detail);
            case REFUSED, SUCCESS ->
                new EventRejectedException("the Data API refused " + action + " with HTTP " + status + ": " + detail);
        };
    }

    private String text(String field) {
        BsonValue value = body.get(field);
        return value != null && value.isString() ? value.asString().getValue() : "";
    }
}
