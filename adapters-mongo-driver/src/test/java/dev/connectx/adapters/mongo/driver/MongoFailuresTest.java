package dev.connectx.adapters.mongo.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Store failures in a line an operator can act on, not the driver's view of the cluster cut off mid-way. */
class MongoFailuresTest {

    /** What driver 5 says when no server answers; the cause comes last, past 300 characters. */
    private static final String SELECTION_TIMEOUT =
            "Timed out while waiting for a server that matches WritableServerSelector. Client view of cluster state"
                    + " is {type=UNKNOWN, servers=[{address=127.0.0.1:27017, type=UNKNOWN, state=CONNECTING,"
                    + " exception={com.mongodb.MongoSocketOpenException: Exception opening socket}, caused by"
                    + " {java.net.ConnectException: Connection refused}}]";

    @Test
    void a_server_selection_timeout_becomes_its_addresses_and_its_cause() {
        assertEquals(
                "no MongoDB server answered within the timeout (127.0.0.1:27017): Connection refused",
                MongoFailures.summary(new MongoTimeoutException(SELECTION_TIMEOUT)));
    }

    @Test
    void a_timeout_without_a_cause_still_names_the_addresses() {
        String message = "Timed out while waiting for a server. Client view of cluster state is {type=UNKNOWN,"
                + " servers=[{address=db-1:27017, type=UNKNOWN, state=CONNECTING}, {address=db-2:27017,"
                + " type=UNKNOWN, state=CONNECTING}]";

        assertEquals(
                "no MongoDB server answered within the timeout (db-1:27017, db-2:27017)",
                MongoFailures.summary(new MongoTimeoutException(message)));
    }

    @Test
    void another_failure_keeps_its_message_and_adds_its_root_cause() {
        String summary = MongoFailures.summary(new MongoSocketOpenException(
                "Exception opening socket",
                new ServerAddress("127.0.0.1", 27017),
                new ConnectException("Connection refused")));

        assertEquals(
                "MongoSocketOpenException: Exception opening socket (ConnectException: Connection refused)", summary);
        assertTrue(MongoFailures.translate(new MongoTimeoutException(SELECTION_TIMEOUT))
                .getMessage()
                .endsWith("Connection refused"));
    }
}
