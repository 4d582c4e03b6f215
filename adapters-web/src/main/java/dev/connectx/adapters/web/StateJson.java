package dev.connectx.adapters.web;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.TierConfigState;
import dev.connectx.domain.ReportedStatus;
import java.util.Optional;

/** The current state of an asset or a tier configuration, as the read API answers it. */
final class StateJson {

    private StateJson() {}

    static String asset(AssetState asset) {
        return EventJson.write(out -> {
            out.writeStartObject();
            out.writeStringField("asset_id", asset.assetId().value());
            out.writeStringField("product_id", asset.productId().value());
            out.writeStringField("status", asset.status().wireName());
            out.writeStringField("asset_status", text(asset.assetStatus()));
            out.writeStringField("request_id", asset.requestId().value());
            out.writeStringField("request_type", asset.eventType().requestType());
            out.writeStringField("event_type", asset.eventType().wireName());
            out.writeStringField("changed_at", asset.changedAt().toString());
            out.writeNumberField("events", asset.events());
            out.writeEndObject();
        });
    }

    static String tierConfig(TierConfigState config) {
        return EventJson.write(out -> {
            out.writeStartObject();
            out.writeStringField("tier_config_id", config.tierConfigId().value());
            out.writeStringField("account_id", config.accountId().value());
            out.writeStringField("product_id", config.productId().value());
            if (config.tierLevel().isPresent()) {
                out.writeNumberField("tier_level", config.tierLevel().get());
            } else {
                out.writeNullField("tier_level");
            }
            out.writeStringField("status", config.status().wireName());
            out.writeStringField("request_id", config.requestId().value());
            out.writeStringField("request_type", config.eventType().requestType());
            out.writeStringField("event_type", config.eventType().wireName());
            out.writeStringField("config_status", text(config.configStatus()));
            out.writeStringField("changed_at", config.changedAt().toString());
            out.writeNumberField("events", config.events());
            out.writeEndObject();
        });
    }

    private static String text(Optional<ReportedStatus> status) {
        return status.map(ReportedStatus::value).orElse(null);
    }
}
