package dev.connectx.adapters.connect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.PurchaseRequestJson;
import dev.connectx.testing.support.TierConfigRequestJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every request event of a subscription's life, as Connect sends it: declared, fetched from its collection, kept once. */
class LifecycleTasksTest extends ConnectRuntimeFixture {

    private static String requestOf(EventType type, String id, String status) {
        return type.family() == RequestFamily.ASSET_REQUEST
                ? new PurchaseRequestJson(id, status, "2024-02-01T09:00:00+00:00", "AS-2000-0000-0001", "PRD-1", "1", 1)
                        .json(type.requestType(), "active")
                : TierConfigRequestJson.of(
                        type.requestType(),
                        id,
                        status,
                        "2024-02-01T09:00:00+00:00",
                        "TC-2000-0000",
                        "TA-2000",
                        "PRD-1");
    }

    @Test
    void the_setup_request_subscribes_to_all_nine_types_with_their_own_statuses() throws Exception {
        startRuntime(EventSubscriptions.all(), FAST, Duration.ofSeconds(10), true);

        JsonNode subscriptions = JSON.readTree(connect.handshakes().getFirst().setupRequest())
                .path("data")
                .path("event_subscriptions");
        assertEquals(9, subscriptions.size(), subscriptions.toString());
        for (EventType type : EventType.values()) {
            List<String> declared = new ArrayList<>();
            subscriptions.path(type.wireName()).forEach(status -> declared.add(status.asText()));
            assertEquals(
                    type.statuses().stream().map(status -> status.wireName()).toList(), declared, type.wireName());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_task_of_each_type_is_fetched_from_its_collection_answered_success_and_kept_once(EventType type) {
        startRuntime(EventSubscriptions.all(), FAST, Duration.ofSeconds(10), true);
        String id = type.family().idPrefix() + "2000-" + (10 + type.ordinal());
        String status = type.statuses().iterator().next().wireName();
        connect.putRequest(requestOf(type, id, status));

        TaskResult first = connect.awaitResult(connect.deliver(type.wireName(), id), WAIT);
        TaskResult redelivered = connect.awaitResult(connect.deliver(type.wireName(), id), WAIT);

        assertEquals("success", first.result(), first.message());
        assertEquals("success", redelivered.result(), redelivered.message());
        List<SubscriptionEvent> kept = memory.events();
        assertEquals(1, kept.size(), kept.toString());
        assertEquals(type, kept.getFirst().type());
        assertEquals(1, memory.count(EventQuery.all().withEventType(type)));
        String collection = type.family() == RequestFamily.ASSET_REQUEST
                ? "/public/v1/requests/"
                : "/public/v1/tier/config-requests/";
        assertTrue(
                connect.restCalls().contains(collection + id),
                connect.restCalls().toString());
    }

    @Test
    void a_task_for_an_id_of_the_other_family_fails_without_calling_connect() {
        startRuntime(EventSubscriptions.all(), FAST, Duration.ofSeconds(10), true);
        int calls = connect.restCalls().size();

        TaskResult result =
                connect.awaitResult(connect.deliver("tier_config_setup_request_processing", "PR-2000-0001"), WAIT);

        assertEquals("fail", result.result(), result.message());
        assertTrue(result.message().contains("TCR-"), result.message());
        assertEquals(calls, connect.restCalls().size());
    }

    @Test
    void a_task_of_a_type_not_subscribed_is_skipped() {
        startRuntime(
                new EventSubscriptions(java.util.Map.of(
                        EventType.ASSET_PURCHASE_REQUEST_PROCESSING,
                        Set.copyOf(EventType.ASSET_PURCHASE_REQUEST_PROCESSING.statuses()))),
                FAST,
                Duration.ofSeconds(10),
                true);

        TaskResult result =
                connect.awaitResult(connect.deliver("asset_cancel_request_processing", "PR-2000-0002"), WAIT);

        assertEquals("skip", result.result(), result.message());
        assertTrue(memory.events().isEmpty());
    }
}
