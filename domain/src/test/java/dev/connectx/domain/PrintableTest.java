package dev.connectx.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void a_short_value_is_quoted_whole() {
        assertEquals("'PR-1'", Printable.quoted("PR-1"));
    }

    @Test
    void control_characters_are_escaped_so_that_no_line_can_be_forged() {
        assertEquals("'a\\u000a2026 INFO forged\\u001b[31m'", Printable.quoted("a\n2026 INFO forged\u001b[31m"));
    }

    @Test
    void a_long_value_is_cut_at_its_limit_and_marked() {
        assertEquals("'" + "x".repeat(80) + "…'", Printable.quoted("x".repeat(200)));
        assertEquals("'abc…'", Printable.quoted("abcdef", 3));
    }

    @Test
    void the_cut_never_splits_a_character_outside_the_basic_plane() {
        String emoji = "😀".repeat(5);
        assertEquals("'😀😀…'", Printable.quoted(emoji, 2));
    }

    @Test
    void a_message_keeps_its_first_line_only() {
        assertEquals("Connection refused", Printable.firstLine("Connection refused\n\tat Socket.connect", 300));
        assertEquals("Conn…", Printable.firstLine("Connection refused", 4));
        assertEquals("(no message)", Printable.firstLine(null, 300));
    }
}
