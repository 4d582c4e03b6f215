package dev.connectx.adapters.web;

import dev.connectx.application.port.in.EventsUnavailableException;
import dev.connectx.application.port.in.ReadBackfillStatusUseCase;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEventSummary;
import java.util.function.Supplier;

/**
 * {@code GET /api/status}: the connection to Connect, the active store and whether it answers, events by status, the
 * documents that are not events, the backfill, and the newest events (summaries, never requests).
 */
final class StatusAnswer {

    private static final int LATEST_ON_STATUS = 10;
    /**
     * Counting by status reads the whole collection; every open status page asks every 2 s. Answers within this
     * long of the last count share it, so the store counts at most once a second however many pages are open.
     */
    private static final long OVERVIEW_REUSE_NANOS = 1_000_000_000L;

    private record CountedOverview(Overview overview, long countedAtNanos) {}

    private final ReadSubscriptionEventsUseCase reads;
    private final ReadBackfillStatusUseCase backfill;
    private final Supplier<ConnectionState> state;
    private volatile CountedOverview lastOverview;

    StatusAnswer(
            ReadSubscriptionEventsUseCase reads, ReadBackfillStatusUseCase backfill, Supplier<ConnectionState> state) {
        this.reads = reads;
        this.backfill = backfill;
        this.state = state;
    }

    /** The status as JSON, from an overview at most a second old. */
    String json() {
        ConnectionState now = state.get();
        Overview overview = null;
        String storeError = null;
        try {
            overview = overview();
        } catch (EventsUnavailableException e) {
            storeError = e.getMessage();
        }
        Overview found = overview;
        String error = storeError;
        return EventJson.write(out -> {
            out.writeStartObject();
            out.writeStringField("version", now.version());
            out.writeObjectFieldStart("connect");
            out.writeBooleanField("configured", now.configured());
            out.writeBooleanField("connected", now.connected());
            out.writeStringField("target", now.connect());
            out.writeEndObject();
            out.writeObjectFieldStart("store");
            out.writeStringField("description", now.store());
            out.writeBooleanField("reachable", error == null);
            if (error != null) {
                out.writeStringField("error", error);
            }
            out.writeEndObject();
            BackfillJson.write(out, backfill.backfill());
            if (found != null) {
                out.writeObjectFieldStart("counts");
                long total = 0;
                for (RequestStatus status : RequestStatus.values()) {
                    long count = found.countsByStatus().getOrDefault(status, 0L);
                    out.writeNumberField(status.wireName(), count);
                    total += count;
                }
                out.writeEndObject();
                out.writeNumberField("total", total);
                out.writeObjectFieldStart("counts_by_type");
                for (var type : found.countsByType().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .toList()) {
                    out.writeObjectFieldStart(type.getKey().wireName());
                    for (var status : type.getValue().entrySet().stream()
                            .sorted(java.util.Map.Entry.comparingByKey())
                            .toList()) {
                        out.writeNumberField(status.getKey().wireName(), status.getValue());
                    }
                    out.writeEndObject();
                }
                out.writeEndObject();
                out.writeNumberField("unreadable", found.unreadable());
                out.writeArrayFieldStart("latest");
                for (SubscriptionEventSummary event : found.latest()) {
                    EventJson.summary(out, event);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        });
    }

    private Overview overview() {
        CountedOverview last = lastOverview;
        if (last != null && System.nanoTime() - last.countedAtNanos() < OVERVIEW_REUSE_NANOS) {
            return last.overview();
        }
        Overview counted = reads.overview(LATEST_ON_STATUS);
        lastOverview = new CountedOverview(counted, System.nanoTime());
        return counted;
    }
}
