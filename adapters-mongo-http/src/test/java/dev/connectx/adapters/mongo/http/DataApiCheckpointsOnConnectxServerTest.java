package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.testing.BackfillCheckpointStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The checkpoint store contract through connectx's own Data API server, in front of the embedded MongoDB. */
class DataApiCheckpointsOnConnectxServerTest extends BackfillCheckpointStoreContractTest {

    private static ConnectxDataApiServer server;

    @BeforeAll
    static void start() {
        server = ConnectxDataApiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected BackfillCheckpointStore openStore() {
        return DataApiBackfillCheckpointStore.open(server.settings(DataApiSettings.DEFAULT_COLLECTION));
    }
}
