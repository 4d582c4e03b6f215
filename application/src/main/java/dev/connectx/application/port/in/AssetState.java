package dev.connectx.application.port.in;

import dev.connectx.domain.AssetId;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import java.time.Instant;

/**
 * A subscription as connectx last saw it.
 *
 * @param assetId the subscription
 * @param productId its product
 * @param status the status of its newest request event
 * @param requestId the request of that event
 * @param changedAt when that request last changed ({@code updated})
 * @param events how many events of the subscription are kept
 */
public record AssetState(
        AssetId assetId,
        ProductId productId,
        RequestStatus status,
        RequestId requestId,
        Instant changedAt,
        long events) {}
