package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CONNECTX_API_TOKEN_FILE}: a token made once, owner-only, then read; the environment's token wins. */
class ApiTokenFileTest {

    @TempDir
    Path dir;

    private static HttpSettings http(Map<String, String> values) {
        Map<SettingKey, String> keyed = new java.util.EnumMap<>(SettingKey.class);
        values.forEach((name, value) -> keyed.put(SettingKey.valueOf(name), value));
        return HttpSettings.from(SettingValues.of(keyed));
    }

    @Test
    void a_missing_file_is_made_with_a_random_token_readable_by_its_owner_only_and_read_the_next_time()
            throws Exception {
        Path file = dir.resolve("volume/api-token");

        HttpSettings first = http(Map.of("CONNECTX_HTTP_HOST", "0.0.0.0", "CONNECTX_API_TOKEN_FILE", file.toString()));
        String made = Files.readString(file).strip();
        HttpSettings second = http(Map.of("CONNECTX_HTTP_HOST", "0.0.0.0", "CONNECTX_API_TOKEN_FILE", file.toString()));

        assertTrue(made.matches("[0-9a-f]{64}"), made);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.token().orElseThrow().isCarriedBy(java.util.Optional.of("Bearer " + made)));
        assertTrue(
                second.token().orElseThrow().isCarriedBy(java.util.Optional.of("Bearer " + made)),
                "the same token after a restart");
    }

    @Test
    void the_environments_token_wins_and_a_file_too_short_is_refused() throws Exception {
        Path file = dir.resolve("api-token");
        Files.writeString(file, "short\n");

        HttpSettings chosen = http(
                Map.of("CONNECTX_API_TOKEN", "chosen-token-0123456789", "CONNECTX_API_TOKEN_FILE", file.toString()));
        InvalidSettingException refused = assertThrows(
                InvalidSettingException.class, () -> http(Map.of("CONNECTX_API_TOKEN_FILE", file.toString())));

        assertTrue(
                chosen.token().orElseThrow().isCarriedBy(java.util.Optional.of("Bearer " + "chosen-token-0123456789")));
        assertTrue(refused.getMessage().startsWith("CONNECTX_API_TOKEN_FILE"), refused.getMessage());
    }
}
