package dev.connectx.adapters.connect.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.protocol.Verdict;
import dev.connectx.adapters.connect.request.MalformedRequestException;
import dev.connectx.adapters.connect.request.RequestReader;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.SubscriptionEvent;
import io.helidon.http.Status;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses a delivered body and records it, on a platform thread of its own, not on the request's virtual thread:
 * parsing 15 MiB of JSON holds a carrier for its whole length, and two of them held both carriers of a 2-core machine
 * so that {@code /observe/health} waited over a second for one ({@code ResourceLimitsIT}).
 */
final class LocalRecorder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalRecorder.class.getName());

    private final RecordSubscriptionEventUseCase recordEvent;
    private final RequestReader reader;
    private final ExecutorService threads;

    LocalRecorder(RecordSubscriptionEventUseCase recordEvent, Clock clock, int threadCount) {
        this.recordEvent = recordEvent;
        this.reader = new RequestReader(new ObjectMapper(), clock);
        this.threads = Executors.newFixedThreadPool(
                threadCount,
                Thread.ofPlatform()
                        .name("connectx-local-delivery-", 1)
                        .daemon(true)
                        .factory());
    }

    /**
     * The answer for the body, once it is recorded (or refused as unreadable); waits for a free thread.
     *
     * @param type the event type the body must be, or empty to read it from the request (its id and {@code type})
     */
    LocalAnswer record(String body, Optional<EventType> type) {
        Future<LocalAnswer> answer = threads.submit(() -> readAndRecord(body, type));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a local delivery", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a local delivery failed", e.getCause());
        }
    }

    private LocalAnswer readAndRecord(String body, Optional<EventType> type) {
        SubscriptionEvent event;
        try {
            event = reader.read(type.orElseGet(() -> reader.typeOf(body)), body, Optional.empty());
        } catch (InvalidEventException e) {
            return LocalAnswer.error(Status.BAD_REQUEST_400, e.getMessage(), e.field());
        } catch (MalformedRequestException e) {
            return LocalAnswer.error(Status.BAD_REQUEST_400, e.getMessage(), null);
        }
        RecordOutcome outcome = recordEvent.record(new RecordSubscriptionEventCommand(event));
        String verdict = Verdict.of(outcome.result()).wireName();
        LOG.log(Level.INFO, "Local delivery of {0}: {1} ({2})", event.key(), verdict, outcome.message());
        return LocalAnswer.outcome(verdict, outcome.message());
    }

    /** Stops the threads; a delivery under way finishes first. */
    @Override
    public void close() {
        threads.close();
    }
}
