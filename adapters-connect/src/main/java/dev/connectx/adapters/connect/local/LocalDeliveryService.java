package dev.connectx.adapters.connect.local;

import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventType;
import dev.connectx.largeobjects.LargeObjectTurns;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /purchase-requests}: records one purchase-request object as an
 * {@code asset_purchase_request_processing} event, straight through the record use case, and answers its outcome.
 * {@code POST /requests} does the same for a request of any of the nine event types, the type read from the request:
 * its id's prefix ({@code PR-} or {@code TCR-}) and its {@code type} ({@code purchase}, {@code suspend}, {@code
 * setup}, {@code update}…).
 *
 * <p>Answers 200 with {@code {"result": "success|skip|retry|fail", "message": …}} once the request was read;
 * 400 with {@code {"error": …, "field": …}} when it cannot be read, storing nothing. It refuses, before reading
 * the body: a caller not on this machine (403), a cross-site request from a web page (403 for a foreign
 * {@code Origin}, 415 for anything but {@code Content-Type: application/json}, which a page can only send after a
 * CORS preflight that connectx never grants), and a body over the size limit (413). At most
 * {@code maxConcurrent} deliveries are read at once; the others wait their turn, up to a bound (then 503). A body must
 * arrive within {@code bodyDeadline}, or its connection is closed: a client sending a byte at a time cannot hold a
 * turn for as long as it likes. A body over {@link LargeObjectTurns#LARGE_BYTES} (or of no declared length) also
 * waits for a turn of the app's {@link LargeObjectTurns}, shared with tasks and read pages, before it is read.
 *
 * <p>A body is parsed and recorded on one of {@code maxConcurrent} platform threads ({@link LocalRecorder}).
 */
public final class LocalDeliveryService implements HttpService, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalDeliveryService.class.getName());
    /** How long a delivery waits for its turn before it is answered 503. */
    private static final Duration TURN_WAIT = Duration.ofSeconds(30);
    /** Time for a body of the largest size at about 350 KB/s; local callers are far faster. */
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(60);

    private final int maxBodyBytes;
    private final Semaphore turns;
    private final BodyReader bodies;
    private final LocalRecorder recorder;
    private final LargeObjectTurns largeObjects;

    /**
     * @param maxBodyBytes the largest body read; larger ones are answered 413 without being stored
     * @param maxConcurrent how many deliveries are read and recorded at once
     * @param largeObjects the turns a large body waits for
     */
    public LocalDeliveryService(
            RecordSubscriptionEventUseCase recordEvent,
            Clock clock,
            int maxBodyBytes,
            int maxConcurrent,
            LargeObjectTurns largeObjects) {
        this(recordEvent, clock, maxBodyBytes, maxConcurrent, DEFAULT_BODY_DEADLINE, largeObjects);
    }

    /** @param bodyDeadline how long a body may take to arrive once its turn has come */
    public LocalDeliveryService(
            RecordSubscriptionEventUseCase recordEvent,
            Clock clock,
            int maxBodyBytes,
            int maxConcurrent,
            Duration bodyDeadline,
            LargeObjectTurns largeObjects) {
        Objects.requireNonNull(recordEvent, "recordEvent");
        if (maxBodyBytes <= 0 || maxConcurrent <= 0) {
            throw new IllegalArgumentException("maxBodyBytes and maxConcurrent must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.largeObjects = Objects.requireNonNull(largeObjects, "largeObjects");
        this.turns = new Semaphore(maxConcurrent, true);
        this.bodies = new BodyReader(maxBodyBytes, Objects.requireNonNull(bodyDeadline, "bodyDeadline"));
        this.recorder = new LocalRecorder(recordEvent, clock, maxConcurrent);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(
                        "/purchase-requests",
                        (request, response) ->
                                deliver(request, response, Optional.of(EventType.ASSET_PURCHASE_REQUEST_PROCESSING)))
                .post("/requests", (request, response) -> deliver(request, response, Optional.empty()));
    }

    private void deliver(ServerRequest request, ServerResponse response, Optional<EventType> type) {
        Optional<Refusal> refusal = LocalCallers.refusal(request);
        if (refusal.isPresent()) {
            LOG.log(Level.DEBUG, "Refused a local delivery: {0}", refusal.get().reason());
            LocalAnswer.error(refusal.get().status(), refusal.get().reason(), null)
                    .sendTo(response);
            return;
        }
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            tooLarge().sendTo(response);
            return;
        }
        if (!takeTurn()) {
            LocalAnswer.error(Status.SERVICE_UNAVAILABLE_503, "too many local deliveries at once; try again", null)
                    .sendTo(response);
            return;
        }
        try {
            Optional<LargeObjectTurns.Turn> large =
                    largeTurn(request.headers().contentLength().orElse(-1));
            if (large.isEmpty()) {
                LocalAnswer.error(
                                Status.SERVICE_UNAVAILABLE_503,
                                "too many large requests in memory at once; try again",
                                null)
                        .sendTo(response);
                return;
            }
            try (LargeObjectTurns.Turn held = large.get()) {
                Optional<String> body = bodies.read(request);
                if (body.isEmpty()) {
                    tooLarge().sendTo(response);
                    return;
                }
                recorder.record(body.get(), type).sendTo(response);
            }
        } finally {
            turns.release();
        }
    }

    /** Stops the recorder threads; a delivery under way finishes first. */
    @Override
    public void close() {
        recorder.close();
    }

    private boolean takeTurn() {
        try {
            return turns.tryAcquire(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A turn for a body of this declared length (-1: none declared); empty when a large one found none free. */
    private Optional<LargeObjectTurns.Turn> largeTurn(long declaredLength) {
        try {
            return largeObjects.tryTakeFor(declaredLength, TURN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private LocalAnswer tooLarge() {
        return LocalAnswer.error(
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the request body is over the limit of " + maxBodyBytes + " bytes",
                null);
    }

    /** Why a delivery is refused before its body is read. */
    record Refusal(Status status, String reason) {}
}
