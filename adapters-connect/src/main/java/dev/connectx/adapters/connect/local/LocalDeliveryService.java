package dev.connectx.adapters.connect.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectx.adapters.connect.protocol.Verdict;
import dev.connectx.adapters.connect.request.MalformedRequestException;
import dev.connectx.adapters.connect.request.PurchaseRequestReader;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.SubscriptionEvent;
import io.helidon.http.HeaderValues;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /purchase-requests}: records one purchase-request object as an
 * {@code asset_purchase_request_processing} event, straight through the record use case, and answers its outcome.
 *
 * <p>Answers 200 with {@code {"result": "success|skip|retry|fail", "message": …}} once the request was read;
 * 400 with {@code {"error": …, "field": …}} when it cannot be read, storing nothing. It refuses, before reading
 * the body: a caller not on this machine (403), a cross-site request from a web page (403 for a foreign
 * {@code Origin}, 415 for anything but {@code Content-Type: application/json}, which a page can only send after a
 * CORS preflight that connectx never grants), and a body over the size limit (413). At most
 * {@code maxConcurrent} deliveries are read at once; the others wait their turn, up to a bound (then 503). A body must
 * arrive within {@code bodyDeadline}, or its connection is closed: a client sending a byte at a time cannot hold a
 * turn for as long as it likes.
 *
 * <p>A body is parsed and recorded on one of {@code maxConcurrent} platform threads, not on the request's virtual
 * thread: parsing 15 MiB of JSON holds a carrier for its whole length, and two of them held both carriers of a 2-core
 * machine so that {@code /observe/health} waited over a second for one ({@code ResourceLimitsIT}).
 */
public final class LocalDeliveryService implements HttpService, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalDeliveryService.class.getName());
    /** How long a delivery waits for its turn before it is answered 503. */
    private static final Duration TURN_WAIT = Duration.ofSeconds(30);
    /** Time for a body of the largest size at about 350 KB/s; local callers are far faster. */
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final RecordSubscriptionEventUseCase recordEvent;
    private final PurchaseRequestReader reader;
    private final int maxBodyBytes;
    private final Semaphore turns;
    private final BodyReader bodies;
    private final ExecutorService recorders;

    /**
     * @param maxBodyBytes the largest body read; larger ones are answered 413 without being stored
     * @param maxConcurrent how many deliveries are read and recorded at once
     */
    public LocalDeliveryService(RecordSubscriptionEventUseCase recordEvent, Clock clock, int maxBodyBytes, int maxConcurrent) {
        this(recordEvent, clock, maxBodyBytes, maxConcurrent, DEFAULT_BODY_DEADLINE);
    }

    /** @param bodyDeadline how long a body may take to arrive once its turn has come */
    public LocalDeliveryService(RecordSubscriptionEventUseCase recordEvent, Clock clock, int maxBodyBytes, int maxConcurrent,
            Duration bodyDeadline) {
        this.recordEvent = Objects.requireNonNull(recordEvent, "recordEvent");
        this.reader = new PurchaseRequestReader(json, clock);
        if (maxBodyBytes <= 0 || maxConcurrent <= 0) {
            throw new IllegalArgumentException("maxBodyBytes and maxConcurrent must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.turns = new Semaphore(maxConcurrent, true);
        this.bodies = new BodyReader(maxBodyBytes, Objects.requireNonNull(bodyDeadline, "bodyDeadline"));
        this.recorders = Executors.newFixedThreadPool(maxConcurrent,
                Thread.ofPlatform().name("connectx-local-delivery-", 1).daemon(true).factory());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/purchase-requests", this::deliver);
    }

    private void deliver(ServerRequest request, ServerResponse response) {
        Optional<Refusal> refusal = LocalCallers.refusal(request);
        if (refusal.isPresent()) {
            LOG.log(Level.DEBUG, "Refused a local delivery: {0}", refusal.get().reason());
            send(response, refusal.get().status(), error(refusal.get().reason(), null));
            return;
        }
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            send(response, Status.REQUEST_ENTITY_TOO_LARGE_413, tooLarge());
            return;
        }
        if (!takeTurn()) {
            send(response, Status.SERVICE_UNAVAILABLE_503, error("too many local deliveries at once; try again", null));
            return;
        }
        try {
            Optional<String> body = bodies.read(request);
            if (body.isEmpty()) {
                send(response, Status.REQUEST_ENTITY_TOO_LARGE_413, tooLarge());
                return;
            }
            Answer answer = onRecorder(body.get());
            send(response, answer.status(), answer.body());
        } finally {
            turns.release();
        }
    }

    private Answer onRecorder(String body) {
        Future<Answer> answer = recorders.submit(() -> record(body));
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

    private Answer record(String body) {
        SubscriptionEvent event;
        try {
            event = reader.read(EventType.ASSET_PURCHASE_REQUEST_PROCESSING, body, Optional.empty());
        } catch (InvalidEventException e) {
            return new Answer(Status.BAD_REQUEST_400, error(e.getMessage(), e.field()));
        } catch (MalformedRequestException e) {
            return new Answer(Status.BAD_REQUEST_400, error(e.getMessage(), null));
        }
        RecordOutcome outcome = recordEvent.record(new RecordSubscriptionEventCommand(event));
        LOG.log(Level.INFO, "Local delivery of {0}: {1} ({2})", event.key(), Verdict.of(outcome.result()).wireName(), outcome.message());
        return new Answer(Status.OK_200, json.createObjectNode()
                .put("result", Verdict.of(outcome.result()).wireName())
                .put("message", outcome.message()));
    }

    /** Stops the recorder threads; a delivery under way finishes first. */
    @Override
    public void close() {
        recorders.close();
    }

    private boolean takeTurn() {
        try {
            return turns.tryAcquire(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ObjectNode tooLarge() {
        return error("the request body is over the limit of " + maxBodyBytes + " bytes", null);
    }

    private ObjectNode error(String message, String field) {
        ObjectNode error = json.createObjectNode().put("error", message);
        if (field != null) {
            error.put("field", field);
        }
        return error;
    }

    private void send(ServerResponse response, Status status, ObjectNode body) {
        try {
            response.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }

    private record Answer(Status status, ObjectNode body) {
    }

    /** Why a delivery is refused before its body is read. */
    record Refusal(Status status, String reason) {
    }
}
