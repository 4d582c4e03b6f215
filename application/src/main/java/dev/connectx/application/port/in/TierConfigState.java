package dev.connectx.application.port.in;

import dev.connectx.domain.AccountId;
import dev.connectx.domain.EventType;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.ReportedStatus;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.TierConfigId;
import java.time.Instant;
import java.util.Optional;

/**
 * A tier configuration as connectx last saw it, from its newest request event (as {@link AssetState}).
 *
 * @param tierConfigId the tier configuration
 * @param accountId its tier account
 * @param productId its product
 * @param tierLevel 1 or 2, when the newest request said
 * @param status the status of its newest request event
 * @param requestId the request of that event
 * @param eventType that event's type ({@code setup}, {@code update} or {@code adjustment} request)
 * @param configStatus the configuration's status as that request reported it
 * @param changedAt when that request last changed ({@code updated})
 * @param events how many events of the tier configuration are kept
 */
public record TierConfigState(
        TierConfigId tierConfigId,
        AccountId accountId,
        ProductId productId,
        Optional<Integer> tierLevel,
        RequestStatus status,
        RequestId requestId,
        EventType eventType,
        Optional<ReportedStatus> configStatus,
        Instant changedAt,
        long events) {}
