package dev.connectx.adapters.web;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RecordedLog;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A reader that closes its connection during a long page is nobody's defect: no warning, and the next page is served. */
class ReadApiReaderGoneTest extends ReadApiFixture {

    @Test
    void a_reader_closing_during_a_page_logs_no_warning_and_frees_the_page_turn() throws Exception {
        String blob = "b".repeat(256 * 1024);
        for (int i = 0; i < 40; i++) {
            store.save(aPurchaseEvent()
                    .withRequestId("PR-4000-0000-%04d-001".formatted(i))
                    .withPayload("{\"id\":\"PR-4000-0000-%04d-001\",\"blob\":\"%s\"}".formatted(i, blob))
                    .withUpdated(T0.plusSeconds(i))
                    .build());
        }
        try (RecordedLog log = RecordedLog.ofConnectx()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setReceiveBufferSize(4096);
                    OutputStream out = socket.getOutputStream();
                    out.write("GET /api/events?limit=40 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    assertTrue(in.readNBytes(1024).length > 0, "the page began");
                } // closed with ~10 MiB of the page unread
            }

            assertEquals(200, get("/api/events?limit=1").status(), "the page turn came back each time");
            Thread.sleep(200); // the server notices the closed connections as it writes
            assertEquals(
                    java.util.List.of(),
                    log.lines().stream()
                            .filter(line -> line.startsWith("WARNING"))
                            .toList(),
                    "nothing at WARNING for a reader that went away");
        }
    }
}
