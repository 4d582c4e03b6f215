package com.example.connectx.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.extension.ConnectClient;
import dev.connectx.extension.Event;
import dev.connectx.extension.HandlerContext;
import dev.connectx.extension.HandlerResult;
import dev.connectx.extension.Settings;
import dev.connectx.extension.StoredEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handler on its own, with a context written for the test: how to test an extension without connectx. */
class ApprovePendingPurchasesTest {

    private final List<String> calls = new ArrayList<>();
    private String connectStatus = "pending";

    private final ConnectClient connect = new ConnectClient() {
        @Override
        public String get(String path) {
            calls.add("get " + path);
            return "{\"id\":\"PR-1\",\"asset\":{\"status\":\"active\"},\"status\":\"" + connectStatus + "\"}";
        }

        @Override
        public String approve(String requestId, String templateId) {
            calls.add("approve " + requestId + " " + templateId);
            return "{}";
        }

        @Override
        public String fail(String requestId, String reason) {
            throw new AssertionError("never fails a request");
        }

        @Override
        public String inquire(String requestId) {
            throw new AssertionError("never inquires");
        }
    };

    private HandlerContext context(boolean repeat, Map<String, String> settings) {
        return new HandlerContext() {
            @Override
            public boolean repeat() {
                return repeat;
            }

            @Override
            public ConnectClient connect() {
                return connect;
            }

            @Override
            public StoredEvents storedEvents() {
                throw new AssertionError("not read");
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("test");
            }

            @Override
            public Settings settings() {
                return new Settings() {
                    @Override
                    public String prefix() {
                        return "APPROVE_";
                    }

                    @Override
                    public Optional<String> get(String name) {
                        return Optional.ofNullable(settings.get(name));
                    }
                };
            }
        };
    }

    private static Event event(String status) {
        return new Event(
                "asset_purchase_request_processing",
                "PR-1",
                status,
                "AS-1",
                "PRD-1",
                Instant.parse("2026-01-01T00:00:00Z"),
                Optional.of("TQ-1"),
                "{}");
    }

    @Test
    void a_new_pending_request_is_approved_with_the_template() throws Exception {
        HandlerResult result =
                new ApprovePendingPurchases().handle(event("pending"), context(false, Map.of("TEMPLATE_ID", "TL-1")));

        assertEquals(HandlerResult.done(), result);
        assertEquals(List.of("approve PR-1 TL-1"), calls);
    }

    @Test
    void on_a_repeat_connect_is_asked_first_and_an_approved_request_is_left_alone() throws Exception {
        connectStatus = "approved";

        HandlerResult result =
                new ApprovePendingPurchases().handle(event("pending"), context(true, Map.of("TEMPLATE_ID", "TL-1")));

        assertEquals(HandlerResult.done(), result);
        assertEquals(List.of("get requests/PR-1"), calls, "the asset's status is not the request's");
    }

    @Test
    void on_a_repeat_a_request_still_pending_is_approved() throws Exception {
        new ApprovePendingPurchases().handle(event("pending"), context(true, Map.of("TEMPLATE_ID", "TL-1")));

        assertEquals(List.of("get requests/PR-1", "approve PR-1 TL-1"), calls);
    }

    @Test
    void other_statuses_are_done_and_a_missing_template_is_retried() throws Exception {
        assertEquals(
                HandlerResult.done(),
                new ApprovePendingPurchases().handle(event("approved"), context(false, Map.of())));
        assertEquals(
                HandlerResult.retryLater("APPROVE_TEMPLATE_ID is not set"),
                new ApprovePendingPurchases().handle(event("pending"), context(false, Map.of())));
        assertEquals(List.of(), calls);
    }

    @Test
    void the_status_read_is_the_top_level_one() {
        assertEquals(
                Optional.of("approved"),
                JsonFields.topLevelString(
                        "{\"asset\":{\"status\":\"active\",\"x\":[\"status\",{\"status\":\"y\"}]},"
                                + "\"note\":\"a \\\"status\\\": here\",\"status\":\"approved\"}",
                        "status"));
        assertEquals(Optional.empty(), JsonFields.topLevelString("{\"asset\":{\"status\":\"active\"}}", "status"));
    }
}
