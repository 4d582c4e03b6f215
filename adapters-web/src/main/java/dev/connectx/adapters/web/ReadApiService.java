package dev.connectx.adapters.web;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.StreamedPage;
import dev.connectx.application.port.in.TierConfigState;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.TierConfigId;
import dev.connectx.largeobjects.LargeObjectTurns;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * The read API, registered under {@code /api}: a request's events, a subscription's state, a paged list of events,
 * and the status the status page shows. JSON; 400 naming the bad parameter, 404 for an unknown id, 503 when the
 * store does not answer.
 *
 * <p>Pages of events are streamed onto the response one event at a time and bounded in count and in size, and each
 * page is read in a turn of the app's {@link LargeObjectTurns} (a page may hold an event of several MiB; it cannot know
 * beforehand), shared with large tasks and local deliveries: others wait their turn, then get 503. However large the
 * events and however many the callers, the read side holds one event in memory at a time.
 */
public final class ReadApiService implements HttpService {

    private static final System.Logger LOG = System.getLogger(ReadApiService.class.getName());
    private static final long TURN_WAIT_MILLIS = 30_000;
    private final ReadSubscriptionEventsUseCase reads;
    private final StatusReport status;
    private final LargeObjectTurns pageTurns;
    private final long turnWaitMillis;

    /**
     * @param status what {@code /status} answers, shared with the status page
     * @param largeObjects the turns a page of events is read in, shared with the app's other paths
     */
    public ReadApiService(ReadSubscriptionEventsUseCase reads, StatusReport status, LargeObjectTurns largeObjects) {
        this(reads, status, largeObjects, TURN_WAIT_MILLIS);
    }

    ReadApiService(
            ReadSubscriptionEventsUseCase reads,
            StatusReport status,
            LargeObjectTurns largeObjects,
            long turnWaitMillis) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.status = Objects.requireNonNull(status, "status");
        this.pageTurns = Objects.requireNonNull(largeObjects, "largeObjects");
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
        try (LargeObjectTurns.Turn turn = takeTurn().orElseThrow(ReadAnswers.Busy::new)) {
            return reads.events(query, answer::add);
        }
    }

    private Optional<LargeObjectTurns.Turn> takeTurn() {
        try {
            return pageTurns.tryTake(java.time.Duration.ofMillis(turnWaitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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
