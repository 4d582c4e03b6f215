package dev.connectx.dataapi;

import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * What a Data API action answered: the HTTP status and the body, in the contract's shapes ({@code matchedCount},
 * {@code deletedCount}…, counts as 32-bit integers where they fit).
 */
record ActionAnswer(int status, BsonDocument body) {

    static ActionAnswer ok(BsonDocument body) {
        return new ActionAnswer(200, body);
    }

    static ActionAnswer created(BsonDocument body) {
        return new ActionAnswer(201, body);
    }

    static ActionAnswer updated(UpdateResult result) {
        BsonDocument body = new BsonDocument("matchedCount", count(result.getMatchedCount()))
                .append("modifiedCount", count(result.getModifiedCount()));
        if (result.getUpsertedId() != null) {
            body.append("upsertedId", result.getUpsertedId());
        }
        return ok(body);
    }

    static ActionAnswer deleted(DeleteResult result) {
        return ok(new BsonDocument("deletedCount", count(result.getDeletedCount())));
    }

    static BsonValue count(long value) {
        return value <= Integer.MAX_VALUE ? new BsonInt32((int) value) : new BsonInt64(value);
    }

    static BsonValue orNull(BsonDocument document) {
        return document == null ? BsonNull.VALUE : document;
    }
}
