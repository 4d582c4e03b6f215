package dev.connectx.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one event handler has done since connectx started, for people and metrics.
 *
 * @param name the handler's name
 * @param origin where it was loaded from
 * @param calls calls that ended (however they ended)
 * @param done calls answered done
 * @param retries calls answered retry by the handler itself
 * @param fails calls answered fail
 * @param errors calls that threw
 * @param timeouts calls that ran past the time limit (answered retry; the call may still be running)
 * @param running calls running now, those left behind by a timeout included
 * @param totalTime the time of every ended call, summed
 * @param lastProblem the latest call that did not end done, with its reason
 */
public record HandlerState(
        String name,
        String origin,
        long calls,
        long done,
        long retries,
        long fails,
        long errors,
        long timeouts,
        int running,
        Duration totalTime,
        Optional<Problem> lastProblem) {

    public HandlerState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(totalTime, "totalTime");
        Objects.requireNonNull(lastProblem, "lastProblem");
    }

    /** The mean time of an ended call; zero before the first. */
    public Duration meanTime() {
        return calls == 0 ? Duration.ZERO : totalTime.dividedBy(calls);
    }

    /**
     * A call that did not end done.
     *
     * @param at when it ended
     * @param requestId the request of its event
     * @param reason what the handler said or threw, or the timeout
     */
    public record Problem(Instant at, String requestId, String reason) {

        public Problem {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
