package dev.connectx.adapters.connect.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.ReportedStatus;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import dev.connectx.domain.TierConfigSubject;
import dev.connectx.testing.support.PurchaseRequestJson;
import dev.connectx.testing.support.RepositoryFiles;
import dev.connectx.testing.support.TierConfigRequestJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final RequestReader reader = new RequestReader(new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

    private SubscriptionEvent read(String json) {
        return reader.read(EventType.ASSET_PURCHASE_REQUEST_PROCESSING, json, Optional.empty());
    }

    @Test
    void reads_the_shipped_sample_and_keeps_its_text_unchanged() throws IOException {
        String sample = RepositoryFiles.samplePurchaseRequest();

        SubscriptionEvent event =
                reader.read(EventType.ASSET_PURCHASE_REQUEST_PROCESSING, sample, Optional.of(new TaskId("TQ-1")));

        assertEquals("PR-5571-0393-2216-001", event.requestId().value());
        assertEquals(RequestStatus.PENDING, event.status());
        assertEquals("AS-5571-0393-2216", event.subject().id().value());
        assertEquals("PRD-276-377-545", event.subject().productId().value());
        assertEquals(Instant.parse("2023-01-18T10:02:13Z"), event.updated());
        assertEquals(NOW, event.receivedAt());
        assertEquals("TQ-1", event.taskId().orElseThrow().value());
        assertSame(sample, event.request().json());
    }

    @Test
    void reads_an_asset_request_of_another_type_with_the_assets_status() {
        String suspend = new PurchaseRequestJson(
                        "PR-1-2", "approved", "2024-03-01T08:00:00+00:00", "AS-1", "PRD-1", "1", 1)
                .json("suspend", "suspended");

        SubscriptionEvent event = reader.read(EventType.ASSET_SUSPEND_REQUEST_PROCESSING, suspend, Optional.empty());

        assertEquals(EventType.ASSET_SUSPEND_REQUEST_PROCESSING, reader.typeOf(suspend));
        AssetSubject asset = (AssetSubject) event.subject();
        assertEquals("AS-1", asset.assetId().value());
        assertEquals(Optional.of(new ReportedStatus("suspended")), asset.assetStatus());
    }

    @Test
    void reads_a_tier_configuration_request_with_its_configuration_account_and_level() {
        String setup = TierConfigRequestJson.of(
                "setup",
                "TCR-195-110-021-001",
                "draft",
                "2020-04-01T10:05:04+00:00",
                "TC-195-110-021",
                "TA-1-2",
                "PRD-4");

        SubscriptionEvent event = reader.read(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING, setup, Optional.empty());

        assertEquals(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING, reader.typeOf(setup));
        assertEquals(RequestStatus.DRAFT, event.status());
        assertEquals(Instant.parse("2020-04-01T10:05:04Z"), event.updated());
        TierConfigSubject config = (TierConfigSubject) event.subject();
        assertEquals("TC-195-110-021", config.tierConfigId().value());
        assertEquals("TA-1-2", config.accountId().value());
        assertEquals("PRD-4", config.productId().value());
        assertEquals(Optional.of(1), config.tierLevel());
        assertEquals(Optional.of(new ReportedStatus("processing")), config.configStatus());
    }

    @Test
    void a_tier_configuration_request_without_updated_takes_the_time_of_its_last_event() {
        String json = """
                {"id":"TCR-1-1","type":"update","status":"pending","events":{"updated":{"at":"2020-05-01T00:00:00+02:00"}},
                "configuration":{"id":"TC-1","tier_level":"2","account":{"id":"TA-1"},"product":{"id":"PRD-1"}}}""";

        SubscriptionEvent event = reader.read(EventType.TIER_CONFIG_CHANGE_REQUEST_PROCESSING, json, Optional.empty());

        assertEquals(Instant.parse("2020-04-30T22:00:00Z"), event.updated());
        assertEquals(Optional.of(2), ((TierConfigSubject) event.subject()).tierLevel());
        assertEquals(Optional.empty(), ((TierConfigSubject) event.subject()).configStatus());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no configuration     | {"id":"TCR-1","status":"pending","updated":"2020-04-01T10:05:04+00:00"}                                                             | configuration.id         | configuration.id: is required
            no account           | {"id":"TCR-1","status":"pending","updated":"2020-04-01T10:05:04+00:00","configuration":{"id":"TC-1","product":{"id":"PRD-1"}}}     | configuration.account.id | configuration.account.id: is required
            a level of 3         | {"id":"TCR-1","status":"pending","updated":"2020-04-01T10:05:04+00:00","configuration":{"id":"TC-1","tier_level":3,"account":{"id":"TA-1"},"product":{"id":"PRD-1"}}} | configuration.tier_level | configuration.tier_level: is 3, not 1 or 2
            a purchase id        | {"id":"PR-1","status":"pending","updated":"2020-04-01T10:05:04+00:00","configuration":{"id":"TC-1","account":{"id":"TA-1"},"product":{"id":"PRD-1"}}} | id | id: 'PR-1' is not a request of tier_config_setup_request_processing (expected the form TCR-195-110-021-001)
            a scheduled setup    | {"id":"TCR-1","status":"scheduled","updated":"2020-04-01T10:05:04+00:00","configuration":{"id":"TC-1","account":{"id":"TA-1"},"product":{"id":"PRD-1"}}} | status | status: 'scheduled' is not one of pending, approved, failed, inquiring, draft
            """)
    void names_the_field_of_a_tier_configuration_request_it_refuses(
            String name, String json, String field, String message) {
        InvalidEventException e = assertThrows(
                InvalidEventException.class,
                () -> reader.read(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING, json, Optional.empty()));
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing id                | {"status":"pending","updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}}          | id               | id: is required
            null status               | {"id":"PR-1","status":null,"updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}} | status           | status: is required
            object id                 | {"id":{"x":"PR-1"},"status":"pending","updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}} | id | id: must be a string, not an object
            array status              | {"id":"PR-1","status":["pending"],"updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}} | status | status: must be a string, not an array
            numeric id                | {"id":42,"status":"pending","updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}} | id               | id: must be a string, not a number
            unknown status            | {"id":"PR-1","status":"draft","updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}} | status        | status: 'draft' is not one of pending, approved, failed, inquiring, scheduled, revoking, revoked
            asset is a string         | {"id":"PR-1","status":"pending","updated":"2023-01-18T10:02:13+00:00","asset":"AS-1"}                            | asset.id         | asset.id: is required, but asset is a string
            product missing           | {"id":"PR-1","status":"pending","updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1"}}                      | asset.product.id | asset.product.id: is required
            updated without offset    | {"id":"PR-1","status":"pending","updated":"2023-01-18T10:02:13","asset":{"id":"AS-1","product":{"id":"PRD-1"}}}   | updated          | updated: '2023-01-18T10:02:13' is not an ISO-8601 date-time with offset, e.g. 2023-01-18T10:02:13+00:00
            odd request id            | {"id":"PR-1/../x","status":"pending","updated":"2023-01-18T10:02:13+00:00","asset":{"id":"AS-1","product":{"id":"PRD-1"}}} | id       | id: 'PR-1/../x' is not a valid id (expected the form PR-5571-0393-2216-001)
            """)
    void names_the_field_it_refuses(String name, String json, String field, String message) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> read(json));
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON        | this is not json           | the request body is not valid JSON
            an array        | [1,2,3]                    | the request body must be a JSON object, not an array
            two objects     | {"id":"PR-1"} {"id":"PR-2"} | the request body holds more than one JSON value
            truncated       | {"id":"PR-1",              | the request body is not valid JSON
            broken in a field never read | {"id":"PR-1","notes":{"a":[1,}} | the request body is not valid JSON
            an unterminated string never read | {"id":"PR-1","notes":"open | the request body is not valid JSON
            """)
    void refuses_what_is_not_one_json_object(String name, String body, String messageStart) {
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> read(body));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void refuses_an_empty_body() {
        assertThrows(MalformedRequestException.class, () -> read("  "));
    }

    @Test
    void accepts_utc_written_as_z() {
        String json =
                "{\"id\":\"PR-1\",\"status\":\"approved\",\"updated\":\"2023-01-18T10:02:13.5Z\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}";
        assertEquals(Instant.parse("2023-01-18T10:02:13.500Z"), read(json).updated());
    }
}
