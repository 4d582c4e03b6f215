package dev.connectx.application.port.in;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What recording has done since connectx started, for people: results by outcome, how many deliveries found their
 * event kept before, the latest failure, and the events of each of the last 60 minutes.
 *
 * @param since when connectx started recording
 * @param byResult recordings by the result Connect was told, every result present
 * @param duplicates successes that found the event kept before (a redelivery): stored once, counted here
 * @param lastFailure the latest recording answered {@code retry} or {@code fail}, with its reason
 * @param perMinute recordings in each of the last {@value #MINUTES} minutes, oldest first, the current one last
 */
public record RecordingState(
        Instant since,
        Map<RecordOutcome.Result, Long> byResult,
        long duplicates,
        Optional<Failure> lastFailure,
        List<Long> perMinute) {

    public static final int MINUTES = 60;

    public RecordingState {
        Objects.requireNonNull(since, "since");
        Map<RecordOutcome.Result, Long> complete = new EnumMap<>(RecordOutcome.Result.class);
        for (RecordOutcome.Result result : RecordOutcome.Result.values()) {
            complete.put(result, byResult.getOrDefault(result, 0L));
        }
        byResult = Map.copyOf(complete);
        Objects.requireNonNull(lastFailure, "lastFailure");
        perMinute = List.copyOf(perMinute);
        if (perMinute.size() != MINUTES) {
            throw new IllegalArgumentException("perMinute holds " + MINUTES + " minutes");
        }
    }

    /** Nothing recorded since {@code since}. */
    public static RecordingState idleSince(Instant since) {
        return new RecordingState(since, Map.of(), 0, Optional.empty(), java.util.Collections.nCopies(MINUTES, 0L));
    }

    /** A recording that did not keep its event. */
    public record Failure(Instant at, RecordOutcome.Result result, String eventKey, String message) {}
}
