package dev.connectx.adapters.mongo.driver;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.Printable;
import java.util.Set;
import org.bson.BsonMaximumSizeExceededException;

/**
 * Sorts driver failures into the port's two kinds: permanent ({@link EventRejectedException}) only where MongoDB
 * says this document can never be stored; everything else transient ({@link StoreUnavailableException}), so that
 * Connect delivers the event again rather than losing it.
 */
final class MongoFailures {

    /** Server error codes that mean "this document, as it is, can never be stored". */
    private static final Set<Integer> PERMANENT_WRITE_CODES = Set.of(
            2, // BadValue
            10334, // BSONObjectTooLarge
            17419, // resulting document too large
            17280, // key too large to index
            121, // DocumentValidationFailure
            15, // Overflow
            52, // DollarPrefixedFieldName (servers before 5.0)
            57); // DottedFieldName / InvalidDBRef

    private static final int MAX_MESSAGE = 300;

    private MongoFailures() {}

    static RuntimeException translate(Throwable failure) {
        if (failure instanceof MongoWriteException write
                && PERMANENT_WRITE_CODES.contains(write.getError().getCode())) {
            return new EventRejectedException(
                    "MongoDB refused the document (code " + write.getError().getCode() + "): "
                            + shorten(write.getError().getMessage()),
                    failure);
        }
        if (failure instanceof BsonMaximumSizeExceededException) {
            return new EventRejectedException(shorten(failure.getMessage()), failure);
        }
        if (failure instanceof MongoException || failure instanceof IllegalStateException) {
            return new StoreUnavailableException(
                    failure.getClass().getSimpleName() + ": " + shorten(failure.getMessage()), failure);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new StoreUnavailableException(
                failure.getClass().getSimpleName() + ": " + shorten(failure.getMessage()), failure);
    }

    private static String shorten(String message) {
        return Printable.firstLine(message, MAX_MESSAGE);
    }
}
