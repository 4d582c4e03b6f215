package dev.connectx.bootstrap.realmongo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-to-end path on any MongoDB named by the environment variable {@code MONGODB_URI} (Atlas, a replica set
 * of your own), as the store contract in adapters-mongo-driver; it writes to a new collection in database
 * {@code connectx} and drops it. Skipped when the variable is unset.
 */
class EndToEndOnMongodbUriTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "STORAGE_ADAPTER={0}")
    @ValueSource(strings = {"driver", "http"})
    void connect_to_the_mongodb_of_the_environment(String adapter) throws Exception {
        String uri = System.getenv("MONGODB_URI");
        assumeTrue(uri != null && !uri.isBlank(), "MONGODB_URI is not set");
        EndToEndOnRealMongo.run(uri, adapter, dataDir);
    }
}
