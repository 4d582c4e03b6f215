package dev.connectx.adapters.mongo.driver;

import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.Printable;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            return new StoreUnavailableException(summary(failure), failure);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new StoreUnavailableException(
                failure.getClass().getSimpleName() + ": " + shorten(failure.getMessage()), failure);
    }

    /**
     * The failure in a line an operator can act on. A server selection timeout's message is the driver's whole view of
     * the cluster, hundreds of characters with the cause at the end; it becomes the addresses and that cause
     * ({@code no MongoDB server answered within the timeout (127.0.0.1:27017): Connection refused}). Any other failure
     * keeps its own message, with its root cause's when that says more.
     */
    static String summary(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (failure instanceof MongoTimeoutException && message.contains("Client view of cluster state")) {
            Set<String> addresses = new LinkedHashSet<>();
            Matcher address = ADDRESS.matcher(message);
            while (address.find()) {
                addresses.add(address.group(1).strip());
            }
            String cause = null;
            Matcher causedBy = CAUSED_BY.matcher(message);
            while (causedBy.find()) {
                cause = causedBy.group(1);
            }
            if (cause == null) {
                Matcher exception = EXCEPTION.matcher(message);
                cause = exception.find() ? exception.group(1) : null;
            }
            return "no MongoDB server answered within the timeout"
                    + (addresses.isEmpty() ? "" : " (" + String.join(", ", addresses) + ")")
                    + (cause == null
                            ? ""
                            : ": "
                                    + shorten(cause.substring(cause.lastIndexOf(": ") + 1)
                                            .strip()));
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String summary = failure.getClass().getSimpleName() + ": " + shorten(message);
        return root == failure || root.getMessage() == null
                ? summary
                : summary + " (" + root.getClass().getSimpleName() + ": " + shorten(root.getMessage()) + ")";
    }

    private static final Pattern ADDRESS = Pattern.compile("address=([^,}\\]]+)");
    private static final Pattern CAUSED_BY = Pattern.compile("caused by \\{([^}]*)}");
    private static final Pattern EXCEPTION = Pattern.compile("exception=\\{([^}]*)}");

    private static String shorten(String message) {
        return Printable.firstLine(message, MAX_MESSAGE);
    }
}
