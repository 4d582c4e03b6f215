package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connectx --check-health}, the container health check: 0 while connectx is healthy, 1 once it is gone. */
class HealthProbeTest {

    @TempDir
    Path dataDir;

    @Test
    void healthy_app_is_0_and_a_stopped_one_is_1() {
        String port;
        try (ConnectxApp app = ConnectxApp.start(Config.just(ConfigSources.create(Map.of(
                "CONNECTX_HTTP_PORT",
                "0",
                "CONNECTX_MONGO_EMBEDDED_PORT",
                "0",
                "CONNECTX_DATA_DIR",
                dataDir.toString()))))) {
            port = String.valueOf(app.httpPort());
            assertEquals(0, HealthProbe.check(port));
        }
        assertEquals(1, HealthProbe.check(port));
    }
}
