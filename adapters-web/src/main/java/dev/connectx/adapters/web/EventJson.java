package dev.connectx.adapters.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TierConfigSubject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes the read API's JSON with Jackson's streaming generator; the request is copied as the raw JSON it was. */
final class EventJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** The body of a JSON answer, written by {@code body}. */
    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private EventJson() {}

    static String write(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A generator straight onto a response's stream (UTF-8), for answers too large to build first. */
    static JsonGenerator onto(OutputStream out) {
        try {
            return JSON.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One whole event: its summary and the request as Connect sent it. */
    static void event(JsonGenerator out, SubscriptionEvent event) throws IOException {
        out.writeStartObject();
        fields(out, event.summary());
        out.writeFieldName("request");
        out.writeRawValue(event.request().json());
        out.writeEndObject();
    }

    /** One event's summary, without its request. */
    static void summary(JsonGenerator out, SubscriptionEventSummary summary) throws IOException {
        out.writeStartObject();
        fields(out, summary);
        out.writeEndObject();
    }

    private static void fields(JsonGenerator out, SubscriptionEventSummary event) throws IOException {
        out.writeStringField("key", event.key().value());
        out.writeStringField("event_type", event.type().wireName());
        out.writeStringField("request_id", event.requestId().value());
        out.writeStringField("request_type", event.type().requestType());
        out.writeStringField("status", event.status().wireName());
        switch (event.subject()) {
            case AssetSubject asset -> {
                out.writeStringField("asset_id", asset.assetId().value());
                out.writeStringField(
                        "asset_status",
                        asset.assetStatus().map(Object::toString).orElse(null));
            }
            case TierConfigSubject config -> {
                out.writeStringField("tier_config_id", config.tierConfigId().value());
                out.writeStringField("account_id", config.accountId().value());
            }
        }
        out.writeStringField("product_id", event.subject().productId().value());
        out.writeStringField("updated", event.updated().toString());
        out.writeStringField("received_at", event.receivedAt().toString());
        if (event.taskId().isPresent()) {
            out.writeStringField("task_id", event.taskId().get().value());
        } else {
            out.writeNullField("task_id");
        }
        out.writeStringField("source", event.source().wireName());
    }

    static String error(String message) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("error", message);
            out.writeEndObject();
        });
    }
}
