package dev.connectx.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.RequestHistory;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The backfill phase ({@code --backfill N}): N historical requests of all nine types in the simulator, its list pages
 * held back, and {@code bin/connectx} started with {@code CONNECTX_BACKFILL_SINCE}. Live tasks are measured while the
 * backfill waits for its first page (without), then the pages are released and live tasks are measured again while
 * it lists (with), on the same warm process; last, the backfill's own rate and its list pages.
 */
final class BackfillRun {

    static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackfillRun() {}

    /**
     * @param liveWithout live tasks while the backfill waits
     * @param liveWith live tasks while the backfill lists
     * @param overlapped whether the backfill was still listing when the live run ended
     * @param objects objects the backfill went through (the history, and live requests already in the simulator)
     * @param seconds from releasing the pages to the backfill reporting {@code done}
     * @param pages list pages it asked for
     * @param peakRssMib the process's peak resident set, backfill included
     */
    record Result(
            RunResult liveWithout,
            RunResult liveWith,
            boolean overlapped,
            long objects,
            double seconds,
            long pages,
            double peakRssMib) {

        double objectsPerSecond() {
            return objects / seconds;
        }
    }

    static Result run(String adapter, BenchOptions options, ConnectSimulator connect, Path work, int series)
            throws Exception {
        connect.lists().hold();
        connect.putRequests(RequestHistory.mixed(options.backfill(), SINCE.plusSeconds(1)));
        System.err.printf("[%s] starting bin/connectx with a backfill of %,d requests%n", adapter, options.backfill());
        try (AppUnderTest app = AppUnderTest.start(
                options.distribution(),
                adapter,
                connect,
                work.resolve("backfill"),
                options.javaOpts(),
                Map.of("CONNECTX_BACKFILL_SINCE", SINCE.toString()))) {
            if (options.warmup() > 0) {
                EndToEndRun.run(
                        "warm-up", connect, Workload.requests(series, options.warmup()), series, options.concurrency());
            }
            RunResult without = EndToEndRun.run(
                    "live, backfill waiting",
                    connect,
                    Workload.requests(series + 1, options.events()),
                    series + 1,
                    options.concurrency());
            long pagesBefore = connect.lists().pages();
            long released = System.nanoTime();
            connect.lists().release();
            RunResult with = EndToEndRun.run(
                    "live, backfill listing",
                    connect,
                    Workload.requests(series + 2, options.events()),
                    series + 2,
                    options.concurrency());
            boolean overlapped =
                    !"done".equals(state(app.httpPort()).path("state").asText());
            JsonNode done;
            while (!"done".equals((done = state(app.httpPort())).path("state").asText())) {
                if (System.nanoTime() - released > 1800 * 1_000_000_000L) {
                    throw new IllegalStateException("the backfill did not finish within 30 min: " + done);
                }
                Pause.millis(20);
            }
            double seconds = (System.nanoTime() - released) / 1e9;
            return new Result(
                    without,
                    with,
                    overlapped,
                    done.path("done").asLong(),
                    seconds,
                    connect.lists().pages() - pagesBefore,
                    app.peakRssMib());
        } finally {
            connect.lists().release();
        }
    }

    private static JsonNode state(int httpPort) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/api/status")
                .toURL()
                .openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(10_000);
        try (InputStream body = connection.getInputStream()) {
            return JSON.readTree(body).path("backfill");
        } finally {
            connection.disconnect();
        }
    }
}
