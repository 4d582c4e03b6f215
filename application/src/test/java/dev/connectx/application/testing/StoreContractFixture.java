package dev.connectx.application.testing;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the store contract's tests share: a fresh, empty store of the implementation under test for each test, a
 * small history of events, and how an event read back is compared with what was saved.
 */
public abstract class StoreContractFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    protected SubscriptionEventStore store;

    /** Opens a store that holds no events yet (e.g. on a new collection). */
    protected abstract SubscriptionEventStore openEmptyStore() throws Exception;

    /**
     * Puts a document connectx did not write into the store's collection, as canonical Extended JSON; stores that
     * hold only what connectx writes (the in-memory fake) skip the tests that need one.
     */
    protected void putForeignDocument(String extendedJson) throws Exception {
        Assumptions.abort("this store holds only what connectx writes");
    }

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    // --- reading back (the read side) -------------------------------------------------------------------

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /**
     * Whether the store under test reads queries back; a test double that speaks only the write path says no, and
     * the read-side tests are reported as skipped for it.
     */
    protected boolean answersQueries() {
        return true;
    }

    /** Request PR-…-001 pending then approved on asset A; PR-…-002 pending on asset B; PR-…-003 failed on A. */
    List<SubscriptionEvent> storeHistory() {
        org.junit.jupiter.api.Assumptions.assumeTrue(answersQueries(), "this store double speaks only the write path");
        List<SubscriptionEvent> history = List.of(
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-001")
                        .withAssetId("AS-1000-0000-0001")
                        .withStatus(RequestStatus.PENDING)
                        .withUpdated(T0)
                        .build(),
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-002")
                        .withAssetId("AS-1000-0000-0002")
                        .withStatus(RequestStatus.PENDING)
                        .withUpdated(T0.plusSeconds(60))
                        .build(),
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-001")
                        .withAssetId("AS-1000-0000-0001")
                        .withStatus(RequestStatus.APPROVED)
                        .withUpdated(T0.plusSeconds(120))
                        .build(),
                aPurchaseEvent()
                        .withRequestId("PR-1000-0000-0000-003")
                        .withAssetId("AS-1000-0000-0001")
                        .withStatus(RequestStatus.FAILED)
                        .withUpdated(T0.plusSeconds(120))
                        .build());
        // Saved out of order: the store orders, not the arrival.
        for (int i : new int[] {3, 1, 0, 2}) {
            store.save(history.get(i));
        }
        return history;
    }

    SubscriptionEvent readBack(EventKey key) {
        return store.find(key).orElseThrow(() -> new AssertionError("no event stored under " + key));
    }

    static void assertSameEvent(SubscriptionEvent expected, SubscriptionEvent actual) throws IOException {
        assertEquals(expected.key(), actual.key());
        assertEquals(expected.type(), actual.type());
        assertEquals(expected.subject(), actual.subject());
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.receivedAt(), actual.receivedAt());
        assertEquals(expected.taskId(), actual.taskId());
        JsonNode expectedPayload = JSON.readTree(expected.request().json());
        JsonNode actualPayload = JSON.readTree(actual.request().json());
        assertEquals(expectedPayload, actualPayload, "the request is kept unchanged");
    }
}
