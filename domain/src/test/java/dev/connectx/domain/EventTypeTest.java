package dev.connectx.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The nine event types of a subscription's life, as connectx declares them to Connect. */
class EventTypeTest {

    @Test
    void there_are_six_asset_request_types_and_three_tier_configuration_request_types() {
        assertEquals(9, EventType.values().length);
        assertEquals(
                6,
                Arrays.stream(EventType.values())
                        .filter(type -> type.family() == RequestFamily.ASSET_REQUEST)
                        .count());
        assertEquals(
                Set.of("purchase", "change", "suspend", "resume", "cancel", "adjustment", "setup", "update"),
                Set.copyOf(Arrays.stream(EventType.values())
                        .map(EventType::requestType)
                        .toList()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_reads_back_from_its_wire_name(EventType type) {
        assertEquals(type, EventType.fromWireName(type.wireName()));
        assertEquals(Optional.of(type), EventType.find(type.wireName()));
        assertTrue(type.wireName().endsWith("_request_processing"), type.wireName());
    }

    @Test
    void statuses_are_declared_per_type() {
        assertEquals(7, EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses().size());
        assertEquals(7, EventType.ASSET_CHANGE_REQUEST_PROCESSING.statuses().size());
        assertEquals(7, EventType.ASSET_ADJUSTMENT_REQUEST_PROCESSING.statuses().size());
        for (EventType type : Set.of(
                EventType.ASSET_SUSPEND_REQUEST_PROCESSING,
                EventType.ASSET_RESUME_REQUEST_PROCESSING,
                EventType.ASSET_CANCEL_REQUEST_PROCESSING)) {
            assertEquals(6, type.statuses().size(), type.wireName());
            assertTrue(!type.statuses().contains(RequestStatus.INQUIRING), type.wireName());
        }
        assertEquals(
                Set.of(
                        RequestStatus.DRAFT,
                        RequestStatus.PENDING,
                        RequestStatus.INQUIRING,
                        RequestStatus.APPROVED,
                        RequestStatus.FAILED),
                EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING.statuses());
        assertEquals("update", EventType.TIER_CONFIG_CHANGE_REQUEST_PROCESSING.requestType());
    }

    @Test
    void an_unknown_type_names_the_nine() {
        InvalidEventException e = assertThrows(
                InvalidEventException.class, () -> EventType.fromWireName("asset_renew_request_processing"));
        assertEquals("event_type", e.field());
        assertTrue(e.getMessage().contains("tier_config_adjustment_request_processing"), e.getMessage());
        assertEquals(Optional.empty(), EventType.find("product_action_execution"));
    }

    @Test
    void subscriptions_stay_within_each_types_statuses() {
        EventSubscriptions all = EventSubscriptions.all();
        assertEquals(9, all.types().size());
        assertTrue(all.covers(EventType.TIER_CONFIG_ADJUSTMENT_REQUEST_PROCESSING, RequestStatus.DRAFT));
        assertTrue(!all.covers(EventType.ASSET_CANCEL_REQUEST_PROCESSING, RequestStatus.INQUIRING));
        assertThrows(
                IllegalArgumentException.class, () -> EventSubscriptions.purchaseRequests(Set.of(RequestStatus.DRAFT)));
    }
}
