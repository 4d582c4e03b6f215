package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.SubscriptionEventStoreContractTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The store contract against a Data API server written independently from the contract document. */
class DataApiStoreOnMinimalServerTest extends SubscriptionEventStoreContractTest {

    private MinimalDataApiServer server;

    /** The minimal server implements insertOne and findOne only; the read side is checked against connectx's server. */
    @Override
    protected boolean answersQueries() {
        return false;
    }

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        server = new MinimalDataApiServer("minimal-key");
        return DataApiSubscriptionEventStore.open(new DataApiSettings(
                URI.create(server.endpoint()),
                "minimal-key",
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                "http_data",
                Duration.ofSeconds(20)));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
