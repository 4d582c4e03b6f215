package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.bootstrap.config.ExtensionOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a handler's settings come from, and what they can never be. */
class ExtensionWiringTest {

    private final Map<String, String> environment =
            Map.of("CRM_URL", "https://env", "CRM_TOKEN", "from-env", "DB_PASSWORD", "env-secret", "API_KEY", "k");
    private final ExtensionWiring wiring = new ExtensionWiring(new ExtensionOptions(
            Optional.empty(), Duration.ofSeconds(1), 1, name -> Optional.ofNullable(environment.get(name))));

    @Test
    void connect_s_variables_win_over_the_environment_and_apply_when_they_change() {
        assertEquals(Optional.of("https://env"), wiring.setting("CRM_URL"));

        wiring.connectVariablesChanged(Map.of("CRM_URL", "https://portal", "CRM_TOKEN", ""));

        assertEquals(Optional.of("https://portal"), wiring.setting("CRM_URL"));
        assertEquals(
                Optional.of("from-env"),
                wiring.setting("CRM_TOKEN"),
                "an empty variable does not hide the environment");
    }

    @Test
    void connectx_s_own_settings_are_never_a_handler_s_from_either_source() {
        wiring.connectVariablesChanged(Map.of("DB_PASSWORD", "portal-secret", "DATA_API_KEY", "key"));

        assertEquals(Optional.empty(), wiring.setting("DB_PASSWORD"));
        assertEquals(Optional.empty(), wiring.setting("DATA_API_KEY"));
        assertEquals(Optional.empty(), wiring.setting("API_KEY"));
        assertEquals(Optional.empty(), wiring.setting("https_proxy"));
    }
}
