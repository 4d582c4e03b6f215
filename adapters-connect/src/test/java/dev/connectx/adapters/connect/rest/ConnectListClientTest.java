package dev.connectx.adapters.connect.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectx.adapters.connect.access.ApiKeyStatus;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A list page from the simulator on loopback: read object by object with its Content-Range, or refused when huge. */
class ConnectListClientTest {

    private static final String KEY = "ApiKey SU-1:list";
    private static final String QUERY = "ge(updated,2025-01-01T00:00:00Z)&ordering(updated)&limit=10&offset=0";

    private ConnectSimulator connect;
    private HttpClient http;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
        IntStream.range(0, 25)
                .forEach(i -> connect.putRequest(PurchaseRequestJson.of(
                        "PR-1000-0000-%04d-001".formatted(i),
                        "approved",
                        "2025-02-01T00:00:%02dZ".formatted(i),
                        "AS-1000-0000-%04d".formatted(i),
                        "PRD-100-000-000")));
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        connect.close();
    }

    private ConnectListClient client(long maxPageBytes) {
        return new ConnectListClient(
                http,
                URI.create(connect.apiAddress() + "/public/v1"),
                Duration.ofSeconds(10),
                new ApiKeyStatus(KEY),
                maxPageBytes);
    }

    @Test
    void a_page_is_handed_on_object_by_object_in_order_with_its_content_range() throws Exception {
        List<String> ids = new ArrayList<>();
        ListedPage page = client(ConnectListClient.MAX_PAGE_BYTES)
                .list(
                        "requests",
                        QUERY,
                        KEY,
                        (JsonNode object) -> ids.add(object.get("id").textValue()));
        assertEquals(10, ids.size());
        assertEquals("PR-1000-0000-0000-001", ids.getFirst());
        assertEquals("PR-1000-0000-0009-001", ids.getLast());
        assertEquals(new ListedPage(OptionalLong.of(25), OptionalLong.of(9), 10), page);
    }

    @Test
    void a_page_over_the_limit_is_refused_for_good_naming_the_page_size_setting() {
        ListFailedException refused =
                assertThrows(ListFailedException.class, () -> client(4096).list("requests", QUERY, KEY, object -> {}));
        assertEquals(ListFailedException.Kind.REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("lower CONNECTX_BACKFILL_PAGE_SIZE"), refused.getMessage());
    }

    @Test
    void a_refused_key_says_so_without_quoting_it() {
        ListFailedException refused = assertThrows(
                ListFailedException.class,
                () -> client(ConnectListClient.MAX_PAGE_BYTES).list("requests", QUERY, "ApiKey SU-9:wrong", o -> {}));
        assertEquals(ListFailedException.Kind.KEY_REFUSED, refused.kind());
        assertTrue(!refused.getMessage().contains("SU-9"), refused.getMessage());
    }
}
