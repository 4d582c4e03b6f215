package dev.connectx.adapters.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectx.application.port.in.HandlerState;
import java.io.IOException;
import java.util.List;

/** The {@code handlers} of {@code /api/status}: one object per extension handler, in the order they run. */
final class HandlersJson {

    private HandlersJson() {}

    static void write(JsonGenerator out, List<HandlerState> handlers) throws IOException {
        out.writeArrayFieldStart("handlers");
        for (HandlerState handler : handlers) {
            out.writeStartObject();
            out.writeStringField("name", handler.name());
            out.writeStringField("origin", handler.origin());
            out.writeNumberField("calls", handler.calls());
            out.writeNumberField("done", handler.done());
            out.writeNumberField("retry", handler.retries());
            out.writeNumberField("fail", handler.fails());
            out.writeNumberField("error", handler.errors());
            out.writeNumberField("timeout", handler.timeouts());
            out.writeNumberField("running", handler.running());
            out.writeNumberField("mean_ms", handler.meanTime().toNanos() / 1_000_000.0);
            if (handler.lastProblem().isPresent()) {
                HandlerState.Problem problem = handler.lastProblem().get();
                out.writeObjectFieldStart("last_problem");
                out.writeStringField("at", problem.at().toString());
                out.writeStringField("request", problem.requestId());
                out.writeStringField("reason", problem.reason());
                out.writeEndObject();
            } else {
                out.writeNullField("last_problem");
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
