package dev.connectx.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Data API contract (§A of docs/mongo-data-api.md) over real HTTP, in front of an embedded MongoDB. */
class DataApiServiceTest {

    private static final String KEY = "data-api-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedMongoServer mongo;
    private static MongoClient client;
    private static WebServer server;
    private static WebClient http;
    private static int collectionNumber;
    private String collection;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register(new DataApiService(
                        client, Set.of(KEY, "second-key"), Set.of("db", "d"), Duration.ofSeconds(10))))
                .build()
                .start();
        http = WebClient.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
        client.close();
        mongo.close();
    }

    @BeforeEach
    void freshCollection() {
        collection = "c" + ++collectionNumber;
    }

    private record Answer(int status, JsonNode body, String contentType) {}

    private Answer call(String action, String fields) {
        return call(action, fields, "application/json", "application/json", "api-key", KEY);
    }

    private Answer callEjson(String action, String fields) {
        return call(action, fields, "application/ejson", "application/ejson", "api-key", KEY);
    }

    private Answer call(String action, String fields, String contentType, String accept, String keyHeader, String key) {
        String body = "{\"dataSource\":\"Cluster0\",\"database\":\"db\",\"collection\":\"" + collection + "\""
                + (fields.isEmpty() ? "" : "," + fields) + "}";
        return raw(action, body, contentType, accept, keyHeader, key);
    }

    private Answer raw(String action, String body, String contentType, String accept, String keyHeader, String key) {
        var request = http.post("/app/data-abcde/endpoint/data/v1/action/" + action)
                .header(HeaderNames.CONTENT_TYPE, contentType)
                .header(HeaderNames.ACCEPT, accept);
        if (keyHeader != null) {
            request.header(HeaderNames.create(keyHeader), key);
        }
        try (HttpClientResponse response = request.submit(body)) {
            String text = response.as(String.class);
            return new Answer(
                    response.status().code(),
                    JSON.readTree(text),
                    response.headers().contentType().map(Object::toString).orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void insert_one_answers_201_with_the_id_as_a_string_in_json_and_as_oid_in_ejson() {
        Answer json = call("insertOne", "\"document\":{\"a\":1}");
        Answer ejson = callEjson("insertOne", "\"document\":{\"a\":2}");
        Answer given = call("insertOne", "\"document\":{\"_id\":\"PR-1/pending\",\"a\":3}");

        assertEquals(201, json.status());
        assertTrue(
                json.body().get("insertedId").textValue().matches("[0-9a-f]{24}"),
                json.body().toString());
        assertEquals(201, ejson.status());
        assertTrue(
                ejson.body().get("insertedId").get("$oid").textValue().matches("[0-9a-f]{24}"),
                ejson.body().toString());
        assertTrue(ejson.contentType().startsWith("application/ejson"), ejson.contentType());
        assertEquals("PR-1/pending", given.body().get("insertedId").textValue());
    }

    @Test
    void dates_and_numbers_round_trip_as_the_contract_table_says() {
        assertEquals(
                201,
                callEjson(
                                "insertOne",
                                "\"document\":{\"_id\":\"x\",\"at\":{\"$date\":{\"$numberLong\":\"1641954803067\"}},"
                                        + "\"n\":{\"$numberLong\":\"50\"},\"i\":{\"$numberInt\":\"10\"},\"d\":{\"$numberDecimal\":\"9823.1297\"}}")
                        .status());

        JsonNode canonical =
                callEjson("findOne", "\"filter\":{\"_id\":\"x\"}").body().get("document");
        JsonNode plain = call("findOne", "\"filter\":{\"_id\":\"x\"}").body().get("document");

        assertEquals(
                "1641954803067",
                canonical.get("at").get("$date").get("$numberLong").textValue());
        assertEquals("50", canonical.get("n").get("$numberLong").textValue());
        assertEquals("10", canonical.get("i").get("$numberInt").textValue());
        assertEquals("2022-01-12T02:33:23.067Z", plain.get("at").textValue());
        assertEquals(50, plain.get("n").intValue());
        assertEquals(10, plain.get("i").intValue());
        assertEquals("9823.1297", plain.get("d").textValue());
    }

    @Test
    void a_duplicate_id_is_refused_with_the_drivers_message() {
        call("insertOne", "\"document\":{\"_id\":\"same\"}");

        Answer again = call("insertOne", "\"document\":{\"_id\":\"same\"}");

        assertEquals(400, again.status());
        assertEquals("DuplicateKey", again.body().get("error_code").textValue());
        assertTrue(
                again.body().get("error").textValue().contains("duplicate key"),
                again.body().toString());
    }

    @Test
    void insert_many_answers_201_with_every_id() {
        Answer answer = call("insertMany", "\"documents\":[{\"_id\":1},{\"_id\":2},{\"x\":3}]");

        assertEquals(201, answer.status());
        assertEquals(3, answer.body().get("insertedIds").size());
        assertEquals(1, answer.body().get("insertedIds").get(0).intValue());
    }

    @Test
    void find_filters_sorts_skips_limits_and_projects() {
        call(
                "insertMany",
                "\"documents\":[{\"_id\":1,\"k\":\"a\",\"v\":3},{\"_id\":2,\"k\":\"a\",\"v\":1},{\"_id\":3,\"k\":\"a\",\"v\":2},{\"_id\":4,\"k\":\"b\",\"v\":0}]");

        Answer answer = call(
                "find",
                "\"filter\":{\"k\":\"a\"},\"sort\":{\"v\":1},\"skip\":1,\"limit\":1,\"projection\":{\"v\":1,\"_id\":0}");

        assertEquals(200, answer.status());
        assertEquals("[{\"v\":2}]", answer.body().get("documents").toString());
    }

    @Test
    void find_one_answers_null_when_nothing_matches() {
        Answer answer = call("findOne", "\"filter\":{\"_id\":\"missing\"}");

        assertEquals(200, answer.status());
        assertTrue(answer.body().get("document").isNull());
    }

    @Test
    void updates_report_matched_modified_and_upserted() {
        call("insertMany", "\"documents\":[{\"_id\":1,\"k\":\"a\"},{\"_id\":2,\"k\":\"a\"}]");

        Answer many = call("updateMany", "\"filter\":{\"k\":\"a\"},\"update\":{\"$set\":{\"seen\":true}}");
        Answer upsert =
                call("updateOne", "\"filter\":{\"_id\":9},\"update\":{\"$setOnInsert\":{\"k\":\"z\"}},\"upsert\":true");
        Answer replace = call("replaceOne", "\"filter\":{\"_id\":1},\"replacement\":{\"k\":\"r\"}");

        assertEquals("{\"matchedCount\":2,\"modifiedCount\":2}", many.body().toString());
        assertEquals(0, upsert.body().get("matchedCount").intValue());
        assertEquals(9, upsert.body().get("upsertedId").intValue());
        assertEquals("{\"matchedCount\":1,\"modifiedCount\":1}", replace.body().toString());
        assertEquals(
                "r",
                call("findOne", "\"filter\":{\"_id\":1}")
                        .body()
                        .get("document")
                        .get("k")
                        .textValue());
    }

    @Test
    void deletes_report_their_count() {
        call("insertMany", "\"documents\":[{\"_id\":1,\"k\":\"a\"},{\"_id\":2,\"k\":\"a\"},{\"_id\":3,\"k\":\"b\"}]");

        assertEquals(
                "{\"deletedCount\":1}",
                call("deleteOne", "\"filter\":{\"k\":\"a\"}").body().toString());
        assertEquals(
                "{\"deletedCount\":2}",
                call("deleteMany", "\"filter\":{}").body().toString());
    }

    @Test
    void aggregate_runs_a_pipeline() {
        call("insertMany", "\"documents\":[{\"k\":\"a\",\"n\":1},{\"k\":\"a\",\"n\":2},{\"k\":\"b\",\"n\":5}]");

        Answer answer = call(
                "aggregate",
                "\"pipeline\":[{\"$group\":{\"_id\":\"$k\",\"total\":{\"$sum\":\"$n\"}}},{\"$sort\":{\"_id\":1}}]");

        assertEquals(200, answer.status());
        assertEquals(
                "[{\"_id\":\"a\",\"total\":3},{\"_id\":\"b\",\"total\":5}]",
                answer.body().get("documents").toString());
    }

    @Test
    void no_key_is_refused_with_401() {
        Answer answer = call("findOne", "\"filter\":{}", "application/json", "application/json", null, null);

        assertEquals(401, answer.status());
        assertEquals(
                "{\"error\":\"no authentication methods were specified\",\"error_code\":\"InvalidParameter\"}",
                answer.body().toString());
    }

    @Test
    void a_wrong_key_is_refused_with_401() {
        Answer answer = call("findOne", "\"filter\":{}", "application/json", "application/json", "api-key", "guess");

        assertEquals(401, answer.status());
        assertEquals("InvalidSession", answer.body().get("error_code").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "api-key", "API-Key", "APIKEY"})
    void every_spelling_of_the_key_header_is_accepted(String header) {
        assertEquals(
                200,
                call("findOne", "\"filter\":{}", "application/json", "application/json", header, "second-key")
                        .status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON          | this is not json                                                              | the request body is not valid JSON or Extended JSON
            no database       | {"dataSource":"c","collection":"x","filter":{}}                                 | database is required
            no data source    | {"database":"d","collection":"x","filter":{}}                                   | dataSource is required
            filter not object | {"dataSource":"c","database":"d","collection":"x","filter":"all"}               | filter must be an object
            no filter         | {"dataSource":"c","database":"d","collection":"x"}                              | filter is required
            negative limit    | {"dataSource":"c","database":"d","collection":"x","filter":{},"limit":-1}       | limit must be a number from 0 to 2147483647
            """)
    void malformed_requests_are_refused_naming_the_field(String name, String body, String message) {
        Answer answer = raw("find", body, "application/json", "application/json", "api-key", KEY);

        assertEquals(400, answer.status());
        assertTrue(
                answer.body().get("error").textValue().startsWith(message),
                answer.body().toString());
        assertEquals("InvalidParameter", answer.body().get("error_code").textValue());
    }

    @Test
    void an_unknown_action_is_404() {
        Answer answer = call("dropDatabase", "");

        assertEquals(404, answer.status());
        assertEquals("InvalidAction", answer.body().get("error_code").textValue());
    }

    @Test
    void a_body_over_18_mb_is_413_and_nothing_is_stored() {
        Answer answer = call(
                "insertOne",
                "\"document\":{\"_id\":\"big\",\"blob\":\"" + "b".repeat(DataApiService.MAX_BODY_BYTES) + "\"}");

        assertEquals(413, answer.status());
        assertTrue(call("findOne", "\"filter\":{\"_id\":\"big\"}")
                .body()
                .get("document")
                .isNull());
    }
}
