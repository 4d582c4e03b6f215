package dev.connectx.application.service;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordingState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingActivityServiceTest {

    private Instant now = Instant.parse("2026-12-01T10:00:30Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final Deque<RecordOutcome> answers = new ArrayDeque<>();
    private final RecordingActivityService activity = new RecordingActivityService(command -> answers.pop(), clock);
    private final RecordSubscriptionEventCommand command =
            new RecordSubscriptionEventCommand(aPurchaseEvent().build());

    @Test
    void results_duplicates_and_the_latest_failure_are_kept() {
        answers.addAll(List.of(
                RecordOutcome.stored("stored"),
                RecordOutcome.alreadyStored("already stored"),
                RecordOutcome.retry("the store is unavailable: no MongoDB server answered"),
                RecordOutcome.skip("not subscribed"),
                RecordOutcome.fail("MongoDB refused the document")));
        for (int i = 0; i < 5; i++) {
            activity.record(command);
        }

        RecordingState seen = activity.activity();
        assertEquals(2, seen.byResult().get(RecordOutcome.Result.SUCCESS));
        assertEquals(1, seen.byResult().get(RecordOutcome.Result.RETRY));
        assertEquals(1, seen.byResult().get(RecordOutcome.Result.SKIP));
        assertEquals(1, seen.byResult().get(RecordOutcome.Result.FAIL));
        assertEquals(1, seen.duplicates());
        RecordingState.Failure failure = seen.lastFailure().orElseThrow();
        assertEquals(RecordOutcome.Result.FAIL, failure.result());
        assertEquals("MongoDB refused the document", failure.message());
        assertEquals(now, failure.at());
        assertEquals(Instant.parse("2026-12-01T10:00:30Z"), seen.since());
    }

    @Test
    void the_last_hour_is_counted_minute_by_minute_and_older_minutes_fall_off() {
        record(3);
        now = now.plus(Duration.ofMinutes(2));
        record(2);

        List<Long> perMinute = activity.activity().perMinute();
        assertEquals(60, perMinute.size());
        assertEquals(2, perMinute.get(59), "this minute");
        assertEquals(0, perMinute.get(58));
        assertEquals(3, perMinute.get(57), "two minutes ago");

        now = now.plus(Duration.ofMinutes(58));
        assertEquals(
                2,
                activity.activity().perMinute().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                "an hour on, the first minute is gone");
        now = now.plus(Duration.ofMinutes(60));
        assertTrue(activity.activity().perMinute().stream().allMatch(count -> count == 0));
    }

    private void record(int times) {
        for (int i = 0; i < times; i++) {
            answers.add(RecordOutcome.stored("stored"));
            activity.record(command);
        }
    }
}
