package dev.connectx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HandlerResultTest {

    @Test
    void retry_and_fail_need_a_reason_done_does_not() {
        assertEquals(HandlerResult.Outcome.DONE, HandlerResult.done().outcome());
        assertEquals("vendor down", HandlerResult.retryLater("vendor down").reason());
        assertEquals(
                HandlerResult.Outcome.FAIL, HandlerResult.fail("no such plan").outcome());
        assertThrows(IllegalArgumentException.class, () -> HandlerResult.retryLater(" "));
        assertThrows(IllegalArgumentException.class, () -> HandlerResult.fail(""));
        assertThrows(NullPointerException.class, () -> HandlerResult.fail(null));
    }
}
