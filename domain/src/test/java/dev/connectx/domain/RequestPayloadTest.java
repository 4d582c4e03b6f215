package dev.connectx.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestPayloadTest {

    @Test
    void keeps_the_text_as_given_white_space_around_it_included() {
        String json = " \n{\"id\":\"PR-1\"}\r\n\t";

        assertSame(json, new RequestPayload(json).json());
    }

    @Test
    void refuses_empty_text_and_text_that_is_not_an_object() {
        assertEquals(
                "must not be empty",
                assertThrows(InvalidEventException.class, () -> new RequestPayload(" \n\t"))
                        .problem());
        for (String notAnObject : new String[] {"[1]", "{\"a\":1", "\"a\"", "x{}", "{} x"}) {
            assertEquals(
                    "must be a JSON object",
                    assertThrows(InvalidEventException.class, () -> new RequestPayload(notAnObject))
                            .problem(),
                    notAnObject);
        }
    }
}
