package dev.connectx.bootstrap.store;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.bootstrap.config.SettingKey;
import dev.connectx.bootstrap.config.SettingValues;
import dev.connectx.bootstrap.config.StorageSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** What the stores share: one embedded MongoDB, started only when asked for, and one client per MongoDB. */
class StoreOpenerTest {

    @TempDir
    Path data;

    private SettingValues values(Map<SettingKey, String> more) {
        Map<SettingKey, String> values = new HashMap<>(
                Map.of(SettingKey.CONNECTX_MONGO_EMBEDDED_PORT, "0", SettingKey.CONNECTX_DATA_DIR, data.toString()));
        values.putAll(more);
        return SettingValues.of(values);
    }

    @Test
    void the_driver_store_and_the_data_api_server_share_one_client_and_a_store_on_other_settings_gets_its_own()
            throws Exception {
        StorageSettings storage = StorageSettings.from(values(Map.of()));
        try (StoreOpener opener = new StoreOpener()) {
            MongoClient forDataApiServer = opener.startMongo(storage);
            assertTrue(opener.embeddedMongo().isPresent(), "started explicitly");
            SubscriptionEventStore store = opener.open(storage);
            assertEquals(SaveResult.STORED, store.save(aPurchaseEvent().build()));
            assertEquals(1, opener.openClients(), "one client for the store and the Data API server");
            assertEquals(1L, documents(forDataApiServer), "the server's client sees what the store wrote");

            SubscriptionEventStore other = opener.open(
                    StorageSettings.from(values(Map.of(SettingKey.CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT, "750"))));
            assertEquals(2, opener.openClients(), "other client settings, another client");
            other.close();
            assertEquals(1, opener.openClients(), "closed with the last store that held it");

            store.close();
            assertEquals(1, opener.openClients(), "still held for the Data API server");
            assertEquals(1L, documents(forDataApiServer));
        }
    }

    private static long documents(MongoClient client) throws Exception {
        return first(client.getDatabase("connectx").getCollection("driver_data").countDocuments());
    }

    private static <T> T first(Publisher<T> publisher) throws Exception {
        CompletableFuture<T> first = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(T item) {
                first.complete(item);
            }

            @Override
            public void onError(Throwable error) {
                first.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                first.completeExceptionally(new IllegalStateException("no item"));
            }
        });
        return first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_data_api_store_starts_no_mongodb() {
        StorageSettings http = StorageSettings.from(values(Map.of(
                SettingKey.STORAGE_ADAPTER,
                "http",
                SettingKey.DATA_API_KEY,
                "k",
                SettingKey.DATA_API_ENDPOINT,
                "http://127.0.0.1:9/app/a/endpoint/data/v1")));
        try (StoreOpener opener = new StoreOpener();
                SubscriptionEventStore store = opener.open(http)) {
            assertTrue(opener.embeddedMongo().isEmpty());
            assertEquals(0, opener.openClients());
        }
    }
}
