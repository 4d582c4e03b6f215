package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What is recorded: CONNECTX_EVENTS and the statuses of each type, with every mistake named by its key. */
class RecordingSettingsTest {

    private static SettingValues config(Map<String, String> values) {
        return SettingValues.read(Config.just(ConfigSources.create(values)));
    }

    @Test
    void app_defaults_listen_on_loopback_8080_and_record_all_nine_event_types_in_all_their_statuses() {
        AppSettings app = AppSettings.from(config(Map.of()));

        assertEquals("127.0.0.1", app.http().host());
        assertEquals(8080, app.http().port());
        assertEquals(EventSubscriptions.all(), app.subscriptions());
    }

    @Test
    void connectx_events_narrows_the_types_and_an_unknown_one_fails_naming_the_nine() {
        EventSubscriptions two = AppSettings.from(
                        config(
                                Map.of(
                                        "CONNECTX_EVENTS",
                                        " asset_suspend_request_processing,tier_config_setup_request_processing, asset_suspend_request_processing")))
                .subscriptions();
        assertEquals(
                Set.of(EventType.ASSET_SUSPEND_REQUEST_PROCESSING, EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING),
                two.types());
        assertTrue(two.covers(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING, RequestStatus.DRAFT));
        InvalidSettingException unknown = assertThrows(
                InvalidSettingException.class,
                () -> AppSettings.from(config(Map.of("CONNECTX_EVENTS", "asset_renew_request_processing"))));
        assertEquals(SettingKey.CONNECTX_EVENTS, unknown.key());
        assertTrue(
                unknown.getMessage()
                        .startsWith("CONNECTX_EVENTS: 'asset_renew_request_processing' is not one of "
                                + EventType.allowed()),
                unknown.getMessage());
        assertEquals(
                "CONNECTX_STATUSES: narrows asset_purchase_request_processing, which CONNECTX_EVENTS does not subscribe to",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_EVENTS",
                                        "asset_cancel_request_processing",
                                        "CONNECTX_STATUSES",
                                        "approved"))))
                        .getMessage());
    }

    @Test
    void each_types_statuses_can_be_narrowed_within_its_own_and_every_mistake_names_its_key() {
        EventSubscriptions narrowed = AppSettings.from(config(Map.of(
                        "CONNECTX_STATUSES_ASSET_SUSPEND_REQUEST_PROCESSING",
                        "approved,failed",
                        "CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING",
                        "draft")))
                .subscriptions();
        assertEquals(
                EnumSet.of(RequestStatus.APPROVED, RequestStatus.FAILED),
                narrowed.statusesByType().get(EventType.ASSET_SUSPEND_REQUEST_PROCESSING));
        assertEquals(
                Set.of(RequestStatus.DRAFT),
                narrowed.statusesByType().get(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING));
        assertEquals(
                7,
                narrowed.statusesByType()
                        .get(EventType.ASSET_CHANGE_REQUEST_PROCESSING)
                        .size());

        assertEquals(
                "CONNECTX_STATUSES_ASSET_CANCEL_REQUEST_PROCESSING: 'inquiring' is not one of pending, approved, failed, scheduled, revoking, revoked",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_STATUSES_ASSET_CANCEL_REQUEST_PROCESSING", "approved,inquiring"))))
                        .getMessage());
        assertEquals(
                SettingKey.CONNECTX_STATUSES_ASSET_PURCHASE_REQUEST_PROCESSING,
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_STATUSES",
                                        "approved",
                                        "CONNECTX_STATUSES_ASSET_PURCHASE_REQUEST_PROCESSING",
                                        "failed"))))
                        .key());
        assertEquals(
                "CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING: narrows tier_config_setup_request_processing, which CONNECTX_EVENTS does not subscribe to",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of(
                                        "CONNECTX_EVENTS",
                                        "asset_purchase_request_processing",
                                        "CONNECTX_STATUSES_TIER_CONFIG_SETUP_REQUEST_PROCESSING",
                                        "draft"))))
                        .getMessage());
    }

    @Test
    void subscribed_statuses_can_be_narrowed_and_unknown_ones_are_refused() {
        assertEquals(
                EnumSet.of(RequestStatus.APPROVED, RequestStatus.FAILED),
                AppSettings.from(config(Map.of("CONNECTX_STATUSES", "approved, failed")))
                        .subscriptions()
                        .statusesByType()
                        .get(EventType.ASSET_PURCHASE_REQUEST_PROCESSING));
        assertEquals(
                "CONNECTX_STATUSES: 'draft' is not one of pending, approved, failed, inquiring, scheduled, revoking, revoked",
                assertThrows(
                                InvalidSettingException.class,
                                () -> AppSettings.from(config(Map.of("CONNECTX_STATUSES", "approved,draft"))))
                        .getMessage());
    }
}
