package dev.connectx.adapters.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import dev.connectx.application.port.in.RecordOutcome;
import dev.connectx.application.port.in.RecordingState;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEventSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/status}: the version and uptime, the connection to Connect and its latest changes, the active store
 * and whether it answers, what recording did since start (results, duplicates, the latest failure, events per minute
 * of the last hour), what each extension handler did, the backfill, events by status and type, documents that are not events, and the newest events
 * (summaries, never requests).
 */
final class StatusJson {

    private StatusJson() {}

    static String write(StatusView view) {
        return EventJson.write(out -> {
            out.writeStartObject();
            out.writeStringField("version", view.connection().version());
            RecordingState activity = view.activity();
            out.writeStringField("started_at", activity.since().toString());
            out.writeNumberField(
                    "uptime_seconds",
                    Duration.between(activity.since(), view.now()).toSeconds());
            connect(out, view.connection());
            out.writeObjectFieldStart("store");
            out.writeStringField("description", view.connection().store());
            out.writeBooleanField("reachable", view.storeError().isEmpty());
            if (view.storeError().isPresent()) {
                out.writeStringField("error", view.storeError().get());
            }
            out.writeEndObject();
            activity(out, activity);
            HandlersJson.write(out, view.handlers());
            BackfillJson.write(out, view.backfill());
            if (view.overview().isPresent()) {
                overview(out, view.overview().get());
            }
            out.writeEndObject();
        });
    }

    private static void connect(JsonGenerator out, ConnectionState connection) throws IOException {
        out.writeObjectFieldStart("connect");
        out.writeBooleanField("configured", connection.configured());
        out.writeBooleanField("connected", connection.connected());
        out.writeStringField("target", connection.connect());
        if (connection.problem().isPresent()) {
            out.writeStringField("error", connection.problem().get());
        }
        out.writeArrayFieldStart("history");
        for (ConnectionState.Change change : connection.history()) {
            out.writeStartObject();
            out.writeStringField("at", change.at().toString());
            out.writeStringField("what", change.what());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void activity(JsonGenerator out, RecordingState activity) throws IOException {
        out.writeObjectFieldStart("recorded");
        for (RecordOutcome.Result result : RecordOutcome.Result.values()) {
            out.writeNumberField(
                    result.name().toLowerCase(Locale.ROOT), activity.byResult().get(result));
        }
        out.writeNumberField("duplicates", activity.duplicates());
        if (activity.lastFailure().isPresent()) {
            RecordingState.Failure failure = activity.lastFailure().get();
            out.writeObjectFieldStart("last_failure");
            out.writeStringField("at", failure.at().toString());
            out.writeStringField("result", failure.result().name().toLowerCase(Locale.ROOT));
            out.writeStringField("event", failure.eventKey());
            out.writeStringField("message", failure.message());
            out.writeEndObject();
        } else {
            out.writeNullField("last_failure");
        }
        out.writeArrayFieldStart("per_minute");
        for (long count : activity.perMinute()) {
            out.writeNumber(count);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void overview(JsonGenerator out, Overview overview) throws IOException {
        out.writeObjectFieldStart("counts");
        long total = 0;
        for (RequestStatus status : RequestStatus.values()) {
            long count = overview.countsByStatus().getOrDefault(status, 0L);
            out.writeNumberField(status.wireName(), count);
            total += count;
        }
        out.writeEndObject();
        out.writeNumberField("total", total);
        out.writeObjectFieldStart("counts_by_type");
        for (var type : overview.countsByType().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            out.writeObjectFieldStart(type.getKey().wireName());
            for (var status : type.getValue().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                out.writeNumberField(status.getKey().wireName(), status.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeNumberField("unreadable", overview.unreadable());
        out.writeArrayFieldStart("latest");
        for (SubscriptionEventSummary event : overview.latest()) {
            EventJson.summary(out, event);
        }
        out.writeEndArray();
    }
}
