package dev.connectx.adapters.connect.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.RecordOutcome;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaskOutputTest {

    @Test
    void a_long_message_is_cut_to_connects_limit_and_says_so() {
        TaskOutput output = new TaskOutput(Verdict.FAIL, "e".repeat(5000), 0.1);

        assertEquals(TaskOutput.MAX_MESSAGE_CHARS, output.message().length());
        assertTrue(output.message().endsWith("e…"));
    }

    @Test
    void a_cut_never_splits_a_character_in_two() {
        String emoji = "\uD83D\uDE00";
        TaskOutput output = new TaskOutput(Verdict.RETRY, emoji.repeat(3000), 0.1);

        assertTrue(output.message().length() <= TaskOutput.MAX_MESSAGE_CHARS);
        assertTrue(
                output.message().endsWith(emoji + "…"),
                output.message().substring(output.message().length() - 4));
    }

    @Test
    void a_message_at_the_limit_and_no_message_stay_as_they_are() {
        String exact = "m".repeat(TaskOutput.MAX_MESSAGE_CHARS);

        assertEquals(exact, new TaskOutput(Verdict.SKIP, exact, 0).message());
        assertNull(new TaskOutput(Verdict.SUCCESS, null, 0).message());
    }

    @Test
    void every_outcome_of_the_core_has_its_verdict_and_wire_name() {
        assertEquals(
                Arrays.stream(RecordOutcome.Result.values())
                        .map(r -> r.name().toLowerCase())
                        .toList(),
                Arrays.stream(RecordOutcome.Result.values())
                        .map(r -> Verdict.of(r).wireName())
                        .toList());
        assertEquals("success", Verdict.SUCCESS.wireName());
    }
}
