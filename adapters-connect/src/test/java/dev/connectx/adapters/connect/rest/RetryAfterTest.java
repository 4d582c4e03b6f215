package dev.connectx.adapters.connect.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void seconds_and_http_dates_are_read_and_capped() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), RetryAfter.parse("3", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Tue, 01 Dec 2026 12:01:30 GMT", NOW));
        assertEquals(Optional.of(RetryAfter.MAX), RetryAfter.parse("86400", NOW));
    }

    @Test
    void nonsense_zero_and_past_dates_are_no_wait() {
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("0", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("Tue, 01 Dec 2026 11:00:00 GMT", NOW));
    }
}
