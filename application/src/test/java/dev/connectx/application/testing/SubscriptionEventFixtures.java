package dev.connectx.application.testing;

import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventType;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestPayload;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Test data builder for subscription events, with realistic defaults: {@code aPurchaseEvent().withStatus(..).build()}. */
public final class SubscriptionEventFixtures {

    private static final DateTimeFormatter CONNECT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private String requestId = "PR-5571-0393-2216-001";
    private RequestStatus status = RequestStatus.PENDING;
    private Instant updated = Instant.parse("2023-01-18T10:02:13Z");
    private String assetId = "AS-5571-0393-2216";
    private String productId = "PRD-276-377-545";
    private Instant receivedAt = Instant.parse("2026-11-26T12:00:00.123Z");
    private String taskId = "TQ-8071-2231-9974";
    private String payload;

    private SubscriptionEventFixtures() {}

    public static SubscriptionEventFixtures aPurchaseEvent() {
        return new SubscriptionEventFixtures();
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

    /** Replaces the realistic request JSON by any JSON object text. */
    public SubscriptionEventFixtures withPayload(String json) {
        payload = json;
        return this;
    }

    public SubscriptionEvent build() {
        String json = payload != null
                ? payload
                : PurchaseRequestJson.of(
                        requestId, status.wireName(), CONNECT_TIME.format(updated), assetId, productId);
        return new SubscriptionEvent(
                EventType.ASSET_PURCHASE_REQUEST_PROCESSING,
                new RequestId(requestId),
                status,
                new AssetId(assetId),
                new ProductId(productId),
                updated,
                new RequestPayload(json),
                receivedAt,
                Optional.ofNullable(taskId).map(TaskId::new));
    }
}
