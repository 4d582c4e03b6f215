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
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

/** What a Data API key reaches: the served databases only, and pipelines that read, over real HTTP. */
class DataApiScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "scope-key";
    private static EmbeddedMongoServer mongo;
    private static MongoClient client;
    private static WebServer server;
    private static WebClient http;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        Mono.from(client.getDatabase("other")
                        .getCollection("secrets")
                        .insertOne(new Document("_id", "s").append("v", "top")))
                .block();
        Mono.from(client.getDatabase("connectx")
                        .getCollection("events")
                        .insertOne(new Document("_id", "e").append("v", 1)))
                .block();
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register(
                        new DataApiService(client, Set.of(KEY), Set.of("connectx"), Duration.ofSeconds(10))))
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

    private record Answer(int status, JsonNode body) {}

    private static Answer call(String action, String body) throws Exception {
        try (HttpClientResponse response = http.post("/app/a/endpoint/data/v1/action/" + action)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("api-key"), KEY)
                .submit(body)) {
            return new Answer(response.status().code(), JSON.readTree(response.as(String.class)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            find in admin       | find      | {"dataSource":"c","database":"admin","collection":"secrets","filter":{}}                                       | database 'admin' is not served
            insert in local     | insertOne | {"dataSource":"c","database":"local","collection":"x","document":{"a":1}}                                    | database 'local' is not served
            system collection   | find      | {"dataSource":"c","database":"connectx","collection":"system.views","filter":{}}                              | the system collections are not served
            $out                | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$out":"copy"}]}                   | $out is not served
            $merge elsewhere    | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$merge":{"into":{"db":"admin","coll":"x"}}}]} | $merge is not served
            $out in a $facet    | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$facet":{"a":[{"$out":"x"}]}}]}   | $out is not served
            $lookup into admin  | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$lookup":{"from":{"db":"admin","coll":"secrets"},"as":"s","pipeline":[]}}]} | database 'admin' is not served
            $unionWith admin    | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$unionWith":{"db":"admin","coll":"secrets"}}]} | database 'admin' is not served
            nested $merge       | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$lookup":{"from":"events","as":"s","pipeline":[{"$merge":"x"}]}}]} | $merge is not served
            $currentOp          | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$currentOp":{}}]}                  | $currentOp is not served
            $where              | find      | {"dataSource":"c","database":"connectx","collection":"events","filter":{"$where":"sleep(100)"}}        | $where is not served
            $function           | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$addFields":{"x":{"$function":{"body":"function(){}","args":[],"lang":"js"}}}}]} | $function is not served
            $accumulator        | aggregate | {"dataSource":"c","database":"connectx","collection":"events","pipeline":[{"$group":{"_id":null,"x":{"$accumulator":{}}}}]} | $accumulator is not served
            """)
    void requests_beyond_the_served_databases_or_that_write_elsewhere_are_refused_403(
            String name, String action, String body, String message) throws Exception {
        Answer answer = call(action, body);

        assertEquals(403, answer.status(), answer.body().toString());
        assertEquals("Forbidden", answer.body().get("error_code").textValue());
        assertTrue(
                answer.body().get("error").textValue().startsWith(message),
                answer.body().toString());
    }

    @Test
    void nothing_refused_was_written_or_read_and_the_served_database_answers() throws Exception {
        call(
                "aggregate",
                "{\"dataSource\":\"c\",\"database\":\"connectx\",\"collection\":\"events\",\"pipeline\":[{\"$out\":\"copy\"}]}");

        assertEquals(
                0L,
                Mono.from(client.getDatabase("connectx").getCollection("copy").countDocuments())
                        .block());
        Answer own = call(
                "aggregate",
                "{\"dataSource\":\"c\",\"database\":\"connectx\",\"collection\":\"events\",\"pipeline\":"
                        + "[{\"$lookup\":{\"from\":\"events\",\"localField\":\"_id\",\"foreignField\":\"_id\",\"as\":\"same\"}},{\"$match\":{}}]}");
        assertEquals(200, own.status(), own.body().toString());
        assertEquals("e", own.body().get("documents").get(0).get("_id").textValue());
    }
}
