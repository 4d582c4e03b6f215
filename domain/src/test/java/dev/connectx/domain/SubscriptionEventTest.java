package dev.connectx.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionEventTest {

    private static final Instant UPDATED = Instant.parse("2023-01-18T10:02:13Z");

    private static SubscriptionEvent event(RequestStatus status, Instant updated) {
        return new SubscriptionEvent(
                EventType.ASSET_PURCHASE_REQUEST_PROCESSING,
                new RequestId("PR-5571-0393-2216-001"),
                status,
                new AssetSubject(new AssetId("AS-5571-0393-2216"), new ProductId("PRD-276-377-545"), Optional.empty()),
                updated,
                new RequestPayload("{\"id\":\"PR-5571-0393-2216-001\"}"),
                Instant.parse("2026-01-01T00:00:00Z"),
                Optional.empty(),
                EventSource.TASK);
    }

    @Test
    void key_is_request_status_and_update_time() {
        assertEquals(
                "PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z",
                event(RequestStatus.PENDING, UPDATED).key().value());
    }

    @Test
    void same_request_in_another_status_or_update_is_another_event() {
        EventKey pending = event(RequestStatus.PENDING, UPDATED).key();
        assertTrue(!pending.equals(event(RequestStatus.APPROVED, UPDATED).key()));
        assertTrue(!pending.equals(
                event(RequestStatus.PENDING, UPDATED.plusSeconds(1)).key()));
    }

    @Test
    void key_reads_back_what_it_writes() {
        EventKey key = event(RequestStatus.REVOKING, UPDATED.plusMillis(7)).key();
        assertEquals(key, EventKey.parse(key.value()));
    }

    @Test
    void a_missing_field_is_named() {
        InvalidEventException e = assertThrows(
                InvalidEventException.class, () -> new AssetSubject(new AssetId("AS-1"), null, Optional.empty()));
        assertEquals("asset.product.id", e.field());
        assertEquals("asset.product.id: is required", e.getMessage());
    }

    @Test
    void does_not_print_the_payload() {
        String text = event(RequestStatus.PENDING, UPDATED).toString();
        assertTrue(text.contains("PR-5571-0393-2216-001/pending"), text);
        assertTrue(!text.contains("\"id\""), text);
    }

    @Test
    void a_tier_configuration_request_is_an_event_about_its_configuration() {
        SubscriptionEvent event = new SubscriptionEvent(
                EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING,
                new RequestId("TCR-195-110-021-001"),
                RequestStatus.DRAFT,
                new TierConfigSubject(
                        new TierConfigId("TC-195-110-021"),
                        new AccountId("TA-1208-1373-1762"),
                        new ProductId("PRD-418-056-738"),
                        Optional.of(1),
                        Optional.of(new ReportedStatus("processing"))),
                UPDATED,
                new RequestPayload("{\"id\":\"TCR-195-110-021-001\"}"),
                UPDATED,
                Optional.empty(),
                EventSource.TASK);
        assertEquals(
                "TCR-195-110-021-001/draft/2023-01-18T10:02:13Z", event.key().value());
        assertEquals(RequestFamily.TIER_CONFIG_REQUEST, event.requestId().family());
    }

    @Test
    void an_event_whose_parts_do_not_fit_its_type_is_refused_naming_the_part() {
        AssetSubject asset = new AssetSubject(new AssetId("AS-1"), new ProductId("PRD-1"), Optional.empty());
        RequestPayload request = new RequestPayload("{}");
        assertEquals(
                "id",
                assertThrows(
                                InvalidEventException.class,
                                () -> new SubscriptionEvent(
                                        EventType.ASSET_SUSPEND_REQUEST_PROCESSING,
                                        new RequestId("TCR-1"),
                                        RequestStatus.PENDING,
                                        asset,
                                        UPDATED,
                                        request,
                                        UPDATED,
                                        Optional.empty(),
                                        EventSource.TASK))
                        .field());
        InvalidEventException inquiring = assertThrows(
                InvalidEventException.class,
                () -> new SubscriptionEvent(
                        EventType.ASSET_SUSPEND_REQUEST_PROCESSING,
                        new RequestId("PR-1"),
                        RequestStatus.INQUIRING,
                        asset,
                        UPDATED,
                        request,
                        UPDATED,
                        Optional.empty(),
                        EventSource.TASK));
        assertEquals(
                "status: 'inquiring' is not one of pending, approved, failed, scheduled, revoking, revoked",
                inquiring.getMessage());
        assertEquals(
                "configuration",
                assertThrows(
                                InvalidEventException.class,
                                () -> new SubscriptionEvent(
                                        EventType.TIER_CONFIG_CHANGE_REQUEST_PROCESSING,
                                        new RequestId("TCR-1"),
                                        RequestStatus.PENDING,
                                        asset,
                                        UPDATED,
                                        request,
                                        UPDATED,
                                        Optional.empty(),
                                        EventSource.TASK))
                        .field());
    }
}
