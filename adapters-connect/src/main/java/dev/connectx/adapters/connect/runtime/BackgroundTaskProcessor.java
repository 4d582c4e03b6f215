package dev.connectx.adapters.connect.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.protocol.InboundMessage.EventDefinition;
import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.adapters.connect.protocol.TaskOutput;
import dev.connectx.adapters.connect.protocol.Verdict;
import dev.connectx.adapters.connect.request.MalformedRequestException;
import dev.connectx.adapters.connect.request.RequestReader;
import dev.connectx.adapters.connect.rest.ConnectApiException;
import dev.connectx.adapters.connect.rest.ConnectRestClient;
import dev.connectx.adapters.connect.rest.ObjectTooLargeException;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand;
import dev.connectx.application.port.in.RecordSubscriptionEventCommand.ConnectCredentials;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.Printable;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one background task as the Python runner does (§4.1): the staleness count, the object fetch, then the
 * record use case; and says what to answer.
 */
final class BackgroundTaskProcessor {

    private static final System.Logger LOG = System.getLogger(BackgroundTaskProcessor.class.getName());

    /** What a Connect object id looks like (PR-1234-5678-9012-001, AS-…, TCR-…); anything else never reaches a URL or filter. */
    private static final Pattern CONNECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private final ConnectRestClient api;
    private final ExtensionConfiguration configuration;
    private final RecordSubscriptionEventUseCase recordEvent;
    private final RequestReader reader;
    private final String runnerApiKey;
    private final Map<String, List<RequestStatus>> subscriptions;
    private final Set<String> undefinedTypesWarned = ConcurrentHashMap.newKeySet();

    BackgroundTaskProcessor(
            ConnectRestClient api,
            ExtensionConfiguration configuration,
            RecordSubscriptionEventUseCase recordEvent,
            Clock clock,
            String runnerApiKey,
            Map<String, List<RequestStatus>> subscriptions) {
        this.api = api;
        this.configuration = configuration;
        this.recordEvent = recordEvent;
        this.reader = new RequestReader(new ObjectMapper(), clock);
        this.runnerApiKey = runnerApiKey;
        this.subscriptions = Map.copyOf(subscriptions);
    }

    /** The result for one task; never throws but for interruption (a timed-out task). */
    TaskOutput process(Task task) throws InterruptedException {
        long started = System.nanoTime();
        String taskId = task.options().taskId();
        List<RequestStatus> statuses = subscriptions.get(task.eventType());
        Optional<EventType> type = EventType.find(task.eventType());
        if (statuses == null || type.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "Task {0}: skipped, connectx does not subscribe to {1}",
                    taskId,
                    shown(task.eventType()));
            return TaskOutput.since(
                    started, Verdict.SKIP, "connectx does not subscribe to event type " + shown(task.eventType()));
        }
        Optional<EventDefinition> definition = configuration.definition(task.eventType());
        if (definition.isEmpty()) {
            // As the Python runner (a KeyError): retry, until a setup_response brings the definition.
            if (undefinedTypesWarned.add(task.eventType())) {
                LOG.log(
                        Level.WARNING,
                        "Connect sent no event definition for {0}; its tasks are answered retry until it does",
                        task.eventType());
            }
            return TaskOutput.since(started, Verdict.RETRY, "Connect sent no event definition for " + task.eventType());
        }
        if (!CONNECT_ID.matcher(task.objectId()).matches()) {
            String shown = Printable.quoted(task.objectId());
            LOG.log(Level.WARNING, "Task {0}: the object id {1} is not a Connect id", taskId, shown);
            return TaskOutput.since(
                    started,
                    Verdict.FAIL,
                    "connectx cannot fetch " + shown + ": not a Connect object id (letters, digits, '-', '_', '.')");
        }
        String prefix = type.get().family().idPrefix();
        if (!task.objectId().startsWith(prefix)) {
            String shown = Printable.quoted(task.objectId());
            LOG.log(
                    Level.WARNING,
                    "Task {0}: {1} is not a {2}… request, as {3} tasks are",
                    taskId,
                    shown,
                    prefix,
                    type.get());
            return TaskOutput.since(
                    started,
                    Verdict.FAIL,
                    "connectx cannot fetch " + shown + ": " + type.get() + " tasks are about " + prefix + "… requests");
        }
        String apiKey = task.options().apiKey().orElse(runnerApiKey);
        String statusList = statuses.stream().map(RequestStatus::wireName).collect(Collectors.joining(","));
        try {
            String filter = definition
                    .get()
                    .collectionFilter()
                    .replace("${_object_id_}", task.objectId())
                    .replace("${_statuses_}", "(" + statusList + ")");
            if (api.count(definition.get().collectionEndpoint(), filter, apiKey) == 0) {
                LOG.log(
                        Level.INFO,
                        "Send skip response for {0} since the current request status is not supported.",
                        taskId);
                return TaskOutput.since(
                        started,
                        Verdict.SKIP,
                        "The request status does not match the supported statuses: " + statusList + ".");
            }
            try (ConnectRestClient.FetchedObject object =
                    api.fetch(definition.get().resourceEndpoint().replace("{pk}", task.objectId()), apiKey)) {
                return record(task, type.get(), object.json(), started, new ConnectCredentials(apiKey));
            }
        } catch (ConnectApiException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot retrieve object {0} for task {1}: {2}",
                    task.objectId(),
                    taskId,
                    e.getMessage());
            return TaskOutput.since(
                    started, Verdict.RETRY, "Cannot retrieve object " + task.objectId() + ": " + e.getMessage());
        } catch (ObjectTooLargeException e) {
            LOG.log(Level.WARNING, "Task {0}: {1}", taskId, e.getMessage());
            return TaskOutput.since(started, Verdict.FAIL, e.getMessage());
        }
    }

    private TaskOutput record(
            Task task, EventType type, String objectJson, long started, ConnectCredentials credentials) {
        String taskId = task.options().taskId();
        SubscriptionEvent event;
        try {
            event = reader.read(type, objectJson, Optional.of(new TaskId(taskId)));
        } catch (InvalidEventException | MalformedRequestException e) {
            // The object itself is unusable: delivering it again cannot help.
            LOG.log(
                    Level.WARNING,
                    "Task {0}: the object {1} cannot be read: {2}",
                    taskId,
                    task.objectId(),
                    e.getMessage());
            return TaskOutput.since(
                    started, Verdict.FAIL, "connectx cannot read " + task.objectId() + ": " + e.getMessage());
        }
        RecordOutcome outcome = recordEvent.record(new RecordSubscriptionEventCommand(event, Optional.of(credentials)));
        return TaskOutput.since(
                started,
                Verdict.of(outcome.result()),
                outcome.result() == RecordOutcome.Result.SUCCESS ? null : outcome.message());
    }

    private static String shown(String value) {
        return Printable.quoted(value, 100);
    }
}
