package dev.connectx.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.HandlerState;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status page's content as the server writes it: every state readable, every value escaped. */
class StatusHtmlTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String HOSTILE = "<script>alert(1)</script>\"onload=\"x";

    @Test
    void values_from_connect_and_the_store_are_text_never_markup() {
        RecordingState activity = new RecordingState(
                NOW.minus(Duration.ofHours(3)),
                Map.of(RecordOutcome.Result.SUCCESS, 5L, RecordOutcome.Result.RETRY, 1L),
                2,
                Optional.of(new RecordingState.Failure(
                        NOW.minusSeconds(30), RecordOutcome.Result.RETRY, "PR-1/pending/x", "store down " + HOSTILE)),
                Collections.nCopies(60, 0L));
        ConnectionState connection = new ConnectionState(
                true,
                false,
                "wss://api.cnct.info",
                "store " + HOSTILE,
                "1.2.3",
                Optional.of("Connect refused API_KEY " + HOSTILE),
                List.of(new ConnectionState.Change(NOW.minusSeconds(5), "disconnected " + HOSTILE)));

        HandlerState handler = new HandlerState(
                "crm" + HOSTILE,
                "module com.example.crm (crm.jar)",
                4,
                2,
                1,
                0,
                1,
                0,
                0,
                Duration.ofMillis(10),
                Optional.of(new HandlerState.Problem(NOW.minusSeconds(10), "PR-1", "threw " + HOSTILE)));

        String html = StatusHtml.write(new StatusView(
                NOW,
                connection,
                Optional.empty(),
                Optional.of("down " + HOSTILE),
                Optional.empty(),
                activity,
                List.of(handler)));

        assertFalse(html.contains("<script") || html.contains("\"onload=\""), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;x"), html);
        assertTrue(html.contains("id=\"connect-state\" class=\"bad\">Connect refused API_KEY"), html);
        assertTrue(html.contains("id=\"store-state\" class=\"bad\">unreachable: down"), html);
        assertTrue(html.contains("version 1.2.3 · up 3 h 0 min"), html);
        assertTrue(html.contains("5 kept") && html.contains("2 duplicates · 1 retry · 0 failed · 0 skipped"), html);
        assertTrue(html.contains("id=\"last-failure\" class=\"bad\">last retry at 2026-12-01T11:59:30Z: store down"));
        assertTrue(html.contains("<table id=\"connection-history\">"), html);
        assertTrue(html.contains("<table id=\"handlers\">"), html);
        assertTrue(html.contains("<td class=\"num\">2.5 ms</td>"), "10 ms over 4 calls: " + html);
        assertTrue(html.contains("class=\"bad\">2026-12-01T11:59:50Z PR-1: threw &lt;script&gt;"), html);
    }

    @Test
    void the_chart_has_a_bar_a_minute_scaled_to_the_busiest() {
        List<Long> perMinute = new ArrayList<>(Collections.nCopies(60, 0L));
        perMinute.set(59, 40L);
        perMinute.set(0, 10L);

        String html = StatusHtml.write(new StatusView(
                NOW,
                new ConnectionState(false, false, "local mode", "in-memory", "1.2.3"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new RecordingState(NOW, Map.of(), 0, Optional.empty(), perMinute),
                List.of()));

        assertEquals(60, html.split("<rect ").length - 1);
        assertTrue(html.contains("data-count=\"40\"><title>40 events, this minute</title>"), html);
        assertTrue(html.contains("data-count=\"10\"><title>10 events, 59 min ago</title>"), html);
        assertTrue(html.contains("aria-label=\"50 events in the last hour, at most 40 in a minute\""), html);
        assertTrue(html.contains("id=\"connect-state\" class=\"muted\">local mode"), html);
        assertTrue(html.contains("id=\"last-failure\" class=\"muted\">no failure"), html);
        assertFalse(html.contains("connection-history"), "no Connect, no history");
        assertFalse(html.contains("id=\"handlers\""), "no extension, no handler table");
    }

    @Test
    void uptime_reads_in_the_unit_that_fits() {
        assertEquals("42 s", StatusHtml.uptime(Duration.ofSeconds(42)));
        assertEquals("5 min", StatusHtml.uptime(Duration.ofMinutes(5)));
        assertEquals("3 h 7 min", StatusHtml.uptime(Duration.ofMinutes(187)));
        assertEquals("4 days 2 h", StatusHtml.uptime(Duration.ofHours(98)));
    }
}
