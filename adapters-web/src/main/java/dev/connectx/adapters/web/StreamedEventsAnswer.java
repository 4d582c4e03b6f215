package dev.connectx.adapters.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectx.domain.SubscriptionEvent;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A page of events written onto the response as the events come, so that the answer is never built in memory:
 * {@code {<head fields>, "events": [ … ], "next": …}}. Nothing is sent until the first event (or the end), so that
 * a store failure before it can still be answered 503 and an empty first page 404.
 */
final class StreamedEventsAnswer {

    /** Fields written before the events, e.g. the request id. */
    interface Head {
        void write(JsonGenerator out) throws IOException;
    }

    private final ServerResponse response;
    private final Head head;
    private JsonGenerator out;

    StreamedEventsAnswer(ServerResponse response, Head head) {
        this.response = response;
        this.head = head;
    }

    boolean started() {
        return out != null;
    }

    void add(SubscriptionEvent event) {
        try {
            begin();
            EventJson.event(out, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the page; {@code next} is the link to the following one. */
    void finish(Optional<String> next) {
        try {
            begin();
            out.writeEndArray();
            if (next.isPresent()) {
                out.writeStringField("next", next.get());
            } else {
                out.writeNullField("next");
            }
            out.writeEndObject();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void begin() throws IOException {
        if (out != null) {
            return;
        }
        response.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "application/json");
        out = EventJson.onto(response.outputStream());
        out.writeStartObject();
        head.write(out);
        out.writeArrayFieldStart("events");
    }
}
