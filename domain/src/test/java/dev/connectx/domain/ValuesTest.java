package dev.connectx.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void every_status_reads_back_from_its_wire_name(RequestStatus status) {
        assertEquals(status, RequestStatus.fromWireName(status.wireName()));
    }

    @Test
    void a_status_outside_the_types_own_lists_the_allowed_ones() {
        InvalidEventException e = assertThrows(
                InvalidEventException.class, () -> EventType.ASSET_PURCHASE_REQUEST_PROCESSING.status("draft"));
        assertEquals("status", e.field());
        assertEquals(
                "status: 'draft' is not one of pending, approved, failed, inquiring, scheduled, revoking, revoked",
                e.getMessage());
        assertEquals(
                "status: 'held' is not one of pending, approved, failed, inquiring, scheduled, revoking, revoked, draft",
                assertThrows(InvalidEventException.class, () -> RequestStatus.fromWireName("held"))
                        .getMessage());
    }

    @Test
    void an_update_time_outside_the_years_1_to_9999_is_refused_naming_updated() {
        InvalidEventException late = assertThrows(
                InvalidEventException.class,
                () -> new EventKey(
                        new RequestId("PR-1"),
                        RequestStatus.PENDING,
                        java.time.Instant.parse("+999999999-12-31T23:59:59Z")));
        assertEquals("updated", late.field());
        assertTrue(late.getMessage().contains("outside the years 1 to 9999"), late.getMessage());
        assertThrows(
                InvalidEventException.class,
                () -> new EventKey(
                        new RequestId("PR-1"),
                        RequestStatus.PENDING,
                        java.time.Instant.parse("-0001-12-31T23:59:59Z")));
        assertThrows(InvalidEventException.class, () -> EventKey.parse("PR-1/pending/+10000-01-01T00:00:00Z"));
        assertEquals(
                java.time.Instant.parse("9999-12-31T23:59:59.999Z"),
                new EventKey(
                                new RequestId("PR-1"),
                                RequestStatus.PENDING,
                                java.time.Instant.parse("9999-12-31T23:59:59.999999Z"))
                        .updated());
    }

    @Test
    void status_is_case_sensitive_as_on_the_wire() {
        assertThrows(InvalidEventException.class, () -> RequestStatus.fromWireName("Pending"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PR-5571-0393-2216-001", "PR-1"})
    void accepts_request_ids(String id) {
        assertEquals(id, new RequestId(id).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PR-", "AS-5571", "PR-12-", "PR-1 ", "pr-1", "PR-1/2", "PR-1\u0000", "PR-$1", "PR-1.2"})
    void refuses_malformed_request_ids_naming_the_field(String id) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> new RequestId(id));
        assertEquals("id", e.field());
    }

    @Test
    void a_refused_value_is_quoted_safely() {
        InvalidEventException e =
                assertThrows(InvalidEventException.class, () -> new AssetId("AS-1\n" + "x".repeat(30)));
        assertTrue(e.getMessage().contains("AS-1\\u000a"), e.getMessage());
        InvalidEventException tooLong =
                assertThrows(InvalidEventException.class, () -> new AssetId("AS-" + "1".repeat(500)));
        assertEquals("asset.id: is 503 characters long, at most 64 allowed", tooLong.getMessage());
    }

    @Test
    void product_and_asset_ids_have_their_own_prefixes() {
        assertEquals(
                "asset.product.id",
                assertThrows(InvalidEventException.class, () -> new ProductId("AS-1"))
                        .field());
        assertEquals(
                "asset.id",
                assertThrows(InvalidEventException.class, () -> new AssetId("PRD-1"))
                        .field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[1,2]", "\"text\"", "{\"a\":1"})
    void payload_must_be_a_json_object(String json) {
        assertEquals(
                "request",
                assertThrows(InvalidEventException.class, () -> new RequestPayload(json))
                        .field());
    }

    @Test
    void event_type_names_are_snake_case() {
        assertEquals("asset_purchase_request_processing", EventType.ASSET_PURCHASE_REQUEST_PROCESSING.wireName());
        assertEquals(
                "event_type",
                assertThrows(InvalidEventException.class, () -> EventType.fromWireName("Asset-Purchase"))
                        .field());
    }
}
