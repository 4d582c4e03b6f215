package dev.connectx.adapters.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectx.application.port.in.BackfillState;
import dev.connectx.domain.BackfillCounts;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code backfill} member of {@code /api/status}: {@code null} when no backfill is configured, else its since,
 * state, counts, rate and time left.
 */
final class BackfillJson {

    private BackfillJson() {}

    static void write(JsonGenerator out, Optional<BackfillState> backfill) throws IOException {
        if (backfill.isEmpty()) {
            out.writeNullField("backfill");
            return;
        }
        BackfillState state = backfill.get();
        BackfillCounts counts = state.counts();
        out.writeObjectFieldStart("backfill");
        out.writeStringField("since", state.since().toString());
        out.writeStringField("state", state.phase().wireName());
        out.writeNumberField("done", counts.done());
        out.writeNumberField("total", counts.total());
        out.writeNumberField("recorded", counts.recorded());
        out.writeNumberField("passed_over", counts.passedOver());
        out.writeNumberField("malformed", counts.malformed());
        out.writeNumberField("fetched", state.fetched());
        out.writeNumberField("pages", state.pages());
        out.writeNumberField("per_second", Math.round(state.perSecond() * 10) / 10.0);
        if (state.remaining().isPresent()) {
            out.writeNumberField("remaining_seconds", state.remaining().get().toSeconds());
        } else {
            out.writeNullField("remaining_seconds");
        }
        if (state.error().isPresent()) {
            out.writeStringField("error", state.error().get());
        }
        out.writeEndObject();
    }
}
