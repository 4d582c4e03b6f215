package dev.connectx.application.testing;

import dev.connectx.domain.AccountId;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventType;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.ReportedStatus;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestPayload;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.Subject;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import dev.connectx.domain.TierConfigId;
import dev.connectx.domain.TierConfigSubject;
import dev.connectx.testing.support.PurchaseRequestJson;
import dev.connectx.testing.support.TierConfigRequestJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Test data builder for subscription events of every type, with realistic defaults:
 * {@code aPurchaseEvent().withStatus(..).build()}, {@code anEvent(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING)}.
 */
public final class SubscriptionEventFixtures {

    private static final DateTimeFormatter CONNECT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final EventType type;
    private String requestId;
    private RequestStatus status = RequestStatus.PENDING;
    private Instant updated = Instant.parse("2023-01-18T10:02:13Z");
    private String assetId = "AS-5571-0393-2216";
    private String assetStatus = "processing";
    private String tierConfigId = "TC-195-110-021";
    private String accountId = "TA-1208-1373-1762";
    private String productId = "PRD-276-377-545";
    private Instant receivedAt = Instant.parse("2026-11-26T12:00:00.123Z");
    private String taskId = "TQ-8071-2231-9974";
    private String payload;
    private EventSource source = EventSource.TASK;

    private SubscriptionEventFixtures(EventType type) {
        this.type = type;
        this.requestId = type.family() == RequestFamily.ASSET_REQUEST ? "PR-5571-0393-2216-001" : "TCR-195-110-021-001";
    }

    public static SubscriptionEventFixtures aPurchaseEvent() {
        return new SubscriptionEventFixtures(EventType.ASSET_PURCHASE_REQUEST_PROCESSING);
    }

    /** An event of any type, its request in the type's family and shape. */
    public static SubscriptionEventFixtures anEvent(EventType type) {
        return new SubscriptionEventFixtures(type);
    }

    public SubscriptionEventFixtures withRequestId(String value) {
        requestId = value;
        return this;
    }

    public SubscriptionEventFixtures withStatus(RequestStatus value) {
        status = value;
        return this;
    }

    public SubscriptionEventFixtures withUpdated(Instant value) {
        updated = value;
        return this;
    }

    public SubscriptionEventFixtures withAssetId(String value) {
        assetId = value;
        return this;
    }

    /** The asset's status inside the request ({@code asset.status}). */
    public SubscriptionEventFixtures withAssetStatus(String value) {
        assetStatus = value;
        return this;
    }

    public SubscriptionEventFixtures withTierConfigId(String value) {
        tierConfigId = value;
        return this;
    }

    public SubscriptionEventFixtures withReceivedAt(Instant value) {
        receivedAt = value;
        return this;
    }

    public SubscriptionEventFixtures withTaskId(String value) {
        taskId = value;
        return this;
    }

    public SubscriptionEventFixtures withoutTaskId() {
        taskId = null;
        return this;
    }

    public SubscriptionEventFixtures withSource(EventSource value) {
        source = value;
        return this;
    }

    /** Replaces the realistic request JSON by any JSON object text. */
    public SubscriptionEventFixtures withPayload(String json) {
        payload = json;
        return this;
    }

    public SubscriptionEvent build() {
        String connectTime = CONNECT_TIME.format(updated);
        boolean asset = type.family() == RequestFamily.ASSET_REQUEST;
        String json = payload != null
                ? payload
                : asset
                        ? new PurchaseRequestJson(
                                        requestId, status.wireName(), connectTime, assetId, productId, "100234", 5)
                                .json(type.requestType(), assetStatus)
                        : TierConfigRequestJson.of(
                                type.requestType(),
                                requestId,
                                status.wireName(),
                                connectTime,
                                tierConfigId,
                                accountId,
                                productId);
        Subject subject = asset
                ? new AssetSubject(
                        new AssetId(assetId), new ProductId(productId), Optional.of(new ReportedStatus(assetStatus)))
                : new TierConfigSubject(
                        new TierConfigId(tierConfigId),
                        new AccountId(accountId),
                        new ProductId(productId),
                        Optional.of(1),
                        Optional.of(new ReportedStatus("processing")));
        return new SubscriptionEvent(
                type,
                new RequestId(requestId),
                status,
                subject,
                updated,
                new RequestPayload(json),
                receivedAt,
                Optional.ofNullable(taskId).map(TaskId::new),
                source);
    }
}
