package dev.connectx.adapters.web;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.EventsUnavailableException;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.StreamedPage;
import dev.connectx.application.port.in.TierConfigState;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.TierConfigId;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The read API, registered under {@code /api}: a request's events, a subscription's state, a paged list of events,
 * and the status the status page shows. JSON; 400 naming the bad parameter, 404 for an unknown id, 503 when the
 * store does not answer.
 *
 * <p>Pages of events are streamed onto the response one event at a time and bounded in count and in size, and at most
 * {@value #MAX_CONCURRENT_PAGES} are read at once (others wait their turn, then get 503): however large the events
 * and however many the callers, the read side holds a few events in memory at a time.
 */
public final class ReadApiService implements HttpService {

    private static final System.Logger LOG = System.getLogger(ReadApiService.class.getName());
    /** Pages of whole events read at once; each holds one event (at most MongoDB's 16 MiB) in memory at a time. */
    static final int MAX_CONCURRENT_PAGES = 2;

    private static final long TURN_WAIT_MILLIS = 30_000;
    private final ReadSubscriptionEventsUseCase reads;
    private final StatusAnswer status;
    private final Semaphore pageTurns;
    private final long turnWaitMillis;

    public ReadApiService(ReadSubscriptionEventsUseCase reads, Supplier<ConnectionState> state) {
        this(reads, state, MAX_CONCURRENT_PAGES, TURN_WAIT_MILLIS);
    }

    ReadApiService(
            ReadSubscriptionEventsUseCase reads,
            Supplier<ConnectionState> state,
            int concurrentPages,
            long turnWaitMillis) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.status = new StatusAnswer(reads, Objects.requireNonNull(state, "state"));
        this.pageTurns = new Semaphore(concurrentPages, true);
        this.turnWaitMillis = turnWaitMillis;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(
                        "/requests/{requestId}/events",
                        (request, response) -> answer(response, () -> requestEvents(request, response)))
                .get("/assets/{assetId}", (request, response) -> answer(response, () -> asset(request, response)))
                .get(
                        "/tier-configs/{tierConfigId}",
                        (request, response) -> answer(response, () -> tierConfig(request, response)))
                .get("/events", (request, response) -> answer(response, () -> events(request, response)))
                .get(
                        "/status",
                        (request, response) -> answer(response, () -> send(response, Status.OK_200, status.json())));
    }

    private void requestEvents(ServerRequest request, ServerResponse response) {
        RequestId requestId = EventsParameters.parse(
                "requestId", () -> new RequestId(request.path().pathParameters().get("requestId")));
        EventsQuery query = EventsParameters.read(
                request.query(),
                EventsParameters.PAGING,
                EventsQuery.all().withRequestId(requestId).withLimit(EventsQuery.MAX_LIMIT));
        String base = "/api/requests/" + requestId.value() + "/events?";
        StreamedEventsAnswer answer =
                new StreamedEventsAnswer(response, out -> out.writeStringField("request_id", requestId.value()));
        StreamedPage page = streamPage(query, answer);
        if (page.events() == 0 && query.after().isEmpty() && !answer.started()) {
            send(response, Status.NOT_FOUND_404, EventJson.error("no events of " + requestId.value() + " are kept"));
            return;
        }
        answer.finish(page.next().map(next -> base + EventsParameters.nextPage(query, false, next)));
    }

    private void events(ServerRequest request, ServerResponse response) {
        EventsQuery query = EventsParameters.read(request.query(), EventsParameters.ALL, EventsQuery.all());
        StreamedEventsAnswer answer = new StreamedEventsAnswer(response, out -> {});
        StreamedPage page = streamPage(query, answer);
        answer.finish(page.next().map(next -> "/api/events?" + EventsParameters.nextPage(query, true, next)));
    }

    private StreamedPage streamPage(EventsQuery query, StreamedEventsAnswer answer) {
        if (!takeTurn()) {
            throw new Busy();
        }
        try {
            return reads.events(query, answer::add);
        } finally {
            pageTurns.release();
        }
    }

    private boolean takeTurn() {
        try {
            return pageTurns.tryAcquire(turnWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void asset(ServerRequest request, ServerResponse response) {
        AssetId assetId = EventsParameters.parse(
                "assetId", () -> new AssetId(request.path().pathParameters().get("assetId")));
        Optional<AssetState> found = reads.assetState(assetId);
        if (found.isEmpty()) {
            send(response, Status.NOT_FOUND_404, EventJson.error("no events of " + assetId.value() + " are kept"));
            return;
        }
        send(response, Status.OK_200, StateJson.asset(found.get()));
    }

    private void tierConfig(ServerRequest request, ServerResponse response) {
        TierConfigId tierConfigId = EventsParameters.parse(
                "tierConfigId",
                () -> new TierConfigId(request.path().pathParameters().get("tierConfigId")));
        Optional<TierConfigState> found = reads.tierConfigState(tierConfigId);
        if (found.isEmpty()) {
            send(response, Status.NOT_FOUND_404, EventJson.error("no events of " + tierConfigId.value() + " are kept"));
            return;
        }
        send(response, Status.OK_200, StateJson.tierConfig(found.get()));
    }

    /**
     * Runs a handler, turning bad parameters into 400, an unreachable store into 503 and too many readers into 503.
     * Once a streamed page has begun its status is sent; a failure then cuts the answer short.
     */
    private static void answer(ServerResponse response, Runnable handler) {
        try {
            handler.run();
        } catch (BadParameterException e) {
            send(response, Status.BAD_REQUEST_400, EventJson.error(e.getMessage()));
        } catch (Busy e) {
            response.header(HeaderNames.RETRY_AFTER, "1");
            send(
                    response,
                    Status.SERVICE_UNAVAILABLE_503,
                    EventJson.error("too many pages of events are being read at once; try again"));
        } catch (EventsUnavailableException e) {
            LOG.log(Level.WARNING, "A read could not reach the store: {0}", e.getMessage());
            if (!response.isSent()) {
                send(
                        response,
                        Status.SERVICE_UNAVAILABLE_503,
                        EventJson.error("the store is unavailable: " + e.getMessage()));
            }
        } catch (RuntimeException e) {
            // A defect, not the caller's doing: one line per request at WARNING, the trace only at DEBUG.
            LOG.log(Level.WARNING, "A read failed: {0}", e.toString());
            LOG.log(Level.DEBUG, "A read failed", e);
            if (!response.isSent()) {
                send(response, Status.INTERNAL_SERVER_ERROR_500, EventJson.error("the read failed; the log says why"));
            }
        }
    }

    static void send(ServerResponse response, Status status, String json) {
        response.status(status)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(json);
    }

    /** Every turn to read a page is taken. */
    private static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }
}
