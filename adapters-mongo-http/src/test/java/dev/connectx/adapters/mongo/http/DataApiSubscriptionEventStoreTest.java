package dev.connectx.adapters.mongo.http;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the Data API store reads the server's answers: what is retried, what fails, and that the key never shows. */
class DataApiSubscriptionEventStoreTest {

    private static final String KEY = "s3cret-data-api-key";
    private final MinimalDataApiServer server = new MinimalDataApiServer(KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    private DataApiSubscriptionEventStore store(String key) {
        return DataApiSubscriptionEventStore.open(new DataApiSettings(
                URI.create(server.endpoint()),
                key,
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                "http_data",
                Duration.ofSeconds(5)));
    }

    @Test
    void a_refused_key_fails_saying_so_without_the_key() {
        EventRejectedException e = assertThrows(
                EventRejectedException.class,
                () -> store("wrong-" + KEY).save(aPurchaseEvent().build()));

        assertEquals("the Data API refused the key (HTTP 401)", e.getMessage());
        assertEquals(0, server.stored());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void overload_and_server_errors_are_transient(int status) {
        server.answerEverythingWith(status);

        StoreUnavailableException e = assertThrows(
                StoreUnavailableException.class,
                () -> store(KEY).save(aPurchaseEvent().build()));

        assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
        assertFalse(store(KEY).isReachable());
    }

    @Test
    void another_client_error_is_permanent_with_the_servers_reason() {
        server.answerEverythingWith(422);

        EventRejectedException e = assertThrows(
                EventRejectedException.class,
                () -> store(KEY).save(aPurchaseEvent().build()));

        assertEquals("the Data API refused insertOne with HTTP 422: forced by the test (Forced)", e.getMessage());
    }

    @Test
    void an_unreachable_server_is_transient() {
        String endpoint = server.endpoint();
        server.close();
        DataApiSubscriptionEventStore store = DataApiSubscriptionEventStore.open(new DataApiSettings(
                URI.create(endpoint),
                KEY,
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                "http_data",
                Duration.ofSeconds(2)));

        assertThrows(
                StoreUnavailableException.class,
                () -> store.save(aPurchaseEvent().build()));
        assertFalse(store.isReachable());
    }

    @Test
    void recovery_needs_no_new_store() {
        DataApiSubscriptionEventStore store = store(KEY);
        server.answerEverythingWith(503);
        assertThrows(
                StoreUnavailableException.class,
                () -> store.save(aPurchaseEvent().build()));

        server.answerEverythingWith(0);

        assertEquals(SaveResult.STORED, store.save(aPurchaseEvent().build()));
    }

    @Test
    void settings_and_description_never_show_the_key() {
        DataApiSubscriptionEventStore store = store(KEY);
        assertFalse(store.describe().contains(KEY));
        assertFalse(
                new DataApiSettings(URI.create(server.endpoint()), KEY, "apiKey", "c", "d", "e", Duration.ofSeconds(1))
                        .toString()
                        .contains(KEY));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DataApiSettings(
                        URI.create("ftp://host/x"), KEY, "api-key", "c", "d", "e", Duration.ofSeconds(1)));
    }
}
