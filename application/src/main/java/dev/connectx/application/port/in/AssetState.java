package dev.connectx.application.port.in;

import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventType;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.ReportedStatus;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A subscription as connectx last saw it: what its newest request event says (the greatest {@code updated}, ties
 * broken by the greater key), whatever order the events arrived in.
 *
 * @param assetId the subscription
 * @param productId its product
 * @param status the status of its newest request event
 * @param requestId the request of that event
 * @param eventType that event's type, and so the request's type ({@code purchase}, {@code suspend}…)
 * @param assetStatus the subscription's status as that request reported it ({@code active}, {@code suspended}…)
 * @param changedAt when that request last changed ({@code updated})
 * @param events how many events of the subscription are kept
 */
public record AssetState(
        AssetId assetId,
        ProductId productId,
        RequestStatus status,
        RequestId requestId,
        EventType eventType,
        Optional<ReportedStatus> assetStatus,
        Instant changedAt,
        long events) {}
