package dev.connectx.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LevelNamesTest {

    @Test
    void java_util_logging_levels_print_by_python_names() {
        assertEquals("ERROR", LevelNames.of(Level.SEVERE));
        assertEquals("WARNING", LevelNames.of(Level.WARNING));
        assertEquals("INFO", LevelNames.of(Level.INFO));
        assertEquals("INFO", LevelNames.of(Level.CONFIG));
        assertEquals("DEBUG", LevelNames.of(Level.FINE));
        assertEquals("TRACE", LevelNames.of(Level.FINEST));
    }

    @Test
    void names_parse_in_any_case_with_python_aliases_and_anything_else_is_refused() {
        assertEquals(Level.FINE, LevelNames.parse(" debug "));
        assertEquals(Level.WARNING, LevelNames.parse("WARN"));
        assertEquals(Level.SEVERE, LevelNames.parse("CRITICAL"));
        assertEquals(Level.INFO, LevelNames.parse("Info"));
        assertThrows(IllegalArgumentException.class, () -> LevelNames.parse("LOUD"));
    }
}
