package dev.connectx.adapters.web;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.StreamedPage;
import dev.connectx.application.port.in.TierConfigState;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.TierConfigId;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
    private final StatusReport status;
    private final Semaphore pageTurns;
    private final long turnWaitMillis;

    /** @param status what {@code /status} answers, shared with the status page */
    public ReadApiService(ReadSubscriptionEventsUseCase reads, StatusReport status) {
        this(reads, status, MAX_CONCURRENT_PAGES, TURN_WAIT_MILLIS);
    }

    ReadApiService(ReadSubscriptionEventsUseCase reads, StatusReport status, int concurrentPages, long turnWaitMillis) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.status = Objects.requireNonNull(status, "status");
        this.pageTurns = new Semaphore(concurrentPages, true);
        this.turnWaitMillis = turnWaitMillis;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(
                        "/requests/{requestId}/events",
                        (request, response) -> ReadAnswers.answer(response, () -> requestEvents(request, response)))
                .get(
                        "/assets/{assetId}",
                        (request, response) -> ReadAnswers.answer(response, () -> asset(request, response)))
                .get(
                        "/assets/{assetId}/events",
                        (request, response) -> ReadAnswers.answer(response, () -> assetEvents(request, response)))
                .get(
                        "/tier-configs/{tierConfigId}",
                        (request, response) -> ReadAnswers.answer(response, () -> tierConfig(request, response)))
                .get("/events", (request, response) -> ReadAnswers.answer(response, () -> events(request, response)))
                .get(
                        "/status",
                        (request, response) -> ReadAnswers.answer(
                                response,
                                () -> ReadAnswers.send(response, Status.OK_200, StatusJson.write(status.view()))));
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
            ReadAnswers.send(
                    response, Status.NOT_FOUND_404, EventJson.error("no events of " + requestId.value() + " are kept"));
            return;
        }
        answer.finish(page.next().map(next -> base + EventsParameters.nextPage(query, false, next)));
    }

    /** The asset's timeline: its events across its requests, oldest first. */
    private void assetEvents(ServerRequest request, ServerResponse response) {
        AssetId assetId = EventsParameters.parse(
                "assetId", () -> new AssetId(request.path().pathParameters().get("assetId")));
        EventsQuery query = EventsParameters.read(
                request.query(),
                EventsParameters.PAGING,
                EventsQuery.all().withSubject(assetId).withLimit(EventsQuery.MAX_LIMIT));
        StreamedEventsAnswer answer =
                new StreamedEventsAnswer(response, out -> out.writeStringField("asset_id", assetId.value()));
        StreamedPage page = streamPage(query, answer);
        if (page.events() == 0 && query.after().isEmpty() && !answer.started()) {
            ReadAnswers.send(
                    response, Status.NOT_FOUND_404, EventJson.error("no events of " + assetId.value() + " are kept"));
            return;
        }
        String base = "/api/assets/" + assetId.value() + "/events?";
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
            throw new ReadAnswers.Busy();
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
            ReadAnswers.send(
                    response, Status.NOT_FOUND_404, EventJson.error("no events of " + assetId.value() + " are kept"));
            return;
        }
        ReadAnswers.send(response, Status.OK_200, StateJson.asset(found.get()));
    }

    private void tierConfig(ServerRequest request, ServerResponse response) {
        TierConfigId tierConfigId = EventsParameters.parse(
                "tierConfigId",
                () -> new TierConfigId(request.path().pathParameters().get("tierConfigId")));
        Optional<TierConfigState> found = reads.tierConfigState(tierConfigId);
        if (found.isEmpty()) {
            ReadAnswers.send(
                    response,
                    Status.NOT_FOUND_404,
                    EventJson.error("no events of " + tierConfigId.value() + " are kept"));
            return;
        }
        ReadAnswers.send(response, Status.OK_200, StateJson.tierConfig(found.get()));
    }
}
