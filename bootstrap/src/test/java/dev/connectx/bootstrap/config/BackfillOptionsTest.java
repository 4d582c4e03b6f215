package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code CONNECTX_BACKFILL_SINCE}, {@code _PAGE_SIZE} and {@code _LEASE}: read, defaulted, and refused with their key. */
class BackfillOptionsTest {

    private static final Map<String, String> CONNECT =
            Map.of("API_KEY", "ApiKey SU-1:secret", "ENVIRONMENT_ID", "ENV-1234-5678-01", "INSTANCE_ID", "runner-1");

    private static Optional<BackfillOptions> read(Map<String, String> values) {
        SettingValues settings =
                SettingValues.read(io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(values)));
        Optional<ConnectRuntimeSettings> connect = ConnectSettings.from(settings);
        return BackfillOptions.from(settings, connect);
    }

    private static Map<String, String> connected(String... namesAndValues) {
        Map<String, String> values = new HashMap<>(CONNECT);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void unset_or_empty_means_no_backfill() {
        assertEquals(Optional.empty(), read(CONNECT));
        assertEquals(Optional.empty(), read(connected("CONNECTX_BACKFILL_SINCE", " ")));
    }

    @Test
    void an_instant_with_any_offset_is_read_in_utc_with_the_defaults() {
        BackfillOptions options = read(connected("CONNECTX_BACKFILL_SINCE", "2025-01-01T01:00:00+01:00"))
                .orElseThrow();
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), options.job().since());
        assertEquals(100, options.job().pageSize());
        assertEquals(Duration.ofSeconds(30), options.lease());
        assertTrue(options.job().holder().startsWith("runner-1/"), options.job().holder());
    }

    @Test
    void page_size_and_lease_are_tuned() {
        BackfillOptions options = read(connected(
                        "CONNECTX_BACKFILL_SINCE",
                        "2025-01-01T00:00:00Z",
                        "CONNECTX_BACKFILL_PAGE_SIZE",
                        "25",
                        "CONNECTX_BACKFILL_LEASE",
                        "5"))
                .orElseThrow();
        assertEquals(25, options.job().pageSize());
        assertEquals(Duration.ofSeconds(5), options.lease());
    }

    @Test
    void every_mistake_names_its_key_and_what_is_allowed() {
        assertEquals(
                "CONNECTX_BACKFILL_SINCE: '2025-01-01' is not an ISO-8601 instant with its offset, such as"
                        + " 2025-01-01T00:00:00Z or 2025-01-01T01:00:00+01:00",
                assertThrows(
                                InvalidSettingException.class,
                                () -> read(connected("CONNECTX_BACKFILL_SINCE", "2025-01-01")))
                        .getMessage());
        assertEquals(
                "CONNECTX_BACKFILL_PAGE_SIZE: '101' is not a page size from 1 to 100",
                assertThrows(InvalidSettingException.class, () -> read(connected("CONNECTX_BACKFILL_PAGE_SIZE", "101")))
                        .getMessage());
        assertEquals(
                "CONNECTX_BACKFILL_PAGE_SIZE",
                assertThrows(InvalidSettingException.class, () -> read(connected("CONNECTX_BACKFILL_PAGE_SIZE", "0")))
                        .key()
                        .name());
        assertEquals(
                "CONNECTX_BACKFILL_LEASE",
                assertThrows(InvalidSettingException.class, () -> read(connected("CONNECTX_BACKFILL_LEASE", "soon")))
                        .key()
                        .name());
    }

    @Test
    void local_mode_refuses_a_backfill_there_is_no_connect_to_list_from() {
        InvalidSettingException refused = assertThrows(
                InvalidSettingException.class, () -> read(Map.of("CONNECTX_BACKFILL_SINCE", "2025-01-01T00:00:00Z")));
        assertEquals(
                "CONNECTX_BACKFILL_SINCE: a backfill lists from Connect, and local mode has no Connect: set API_KEY"
                        + " and ENVIRONMENT_ID, or unset CONNECTX_BACKFILL_SINCE",
                refused.getMessage());
    }
}
