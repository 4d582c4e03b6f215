package dev.connectx.benchmark;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.RequestHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The backfill phase ({@code --backfill N}): N historical requests of all nine types in the simulator, its list pages
 * held back, and {@code bin/connectx} started with {@code CONNECTX_BACKFILL_SINCE}. Live tasks are measured while the
 * backfill waits for its first page (without), then the pages are released and live tasks are measured again while
 * it lists (with), on the same warm process; last, the backfill's own rate and its list pages.
 */
final class BackfillRun {

    static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");

    private BackfillRun() {}

    /**
     * @param liveWithout live tasks while the backfill waits
     * @param liveWith live tasks while the backfill lists
     * @param overlapped whether the backfill was still listing when the live run ended
     * @param objects objects the backfill went through (the history, and live requests already in the simulator)
     * @param seconds from the first page served after the release to the backfill reporting {@code done}
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
            boolean overlapped = !checkpoint(app.mongoUri()).getBoolean("finished", false);
            Document done;
            while (!(done = checkpoint(app.mongoUri())).getBoolean("finished", false)) {
                if (System.nanoTime() - released > 1800 * 1_000_000_000L) {
                    throw new IllegalStateException("the backfill did not finish within 30 min: " + done.toJson());
                }
                Pause.millis(200);
            }
            // From its first page after the release: a page held past its timeout is asked for again after a pause.
            double seconds =
                    (System.nanoTime() - Math.max(released, connect.lists().firstServedAfterRelease())) / 1e9;
            return new Result(
                    without,
                    with,
                    overlapped,
                    objectsDone(done),
                    seconds,
                    connect.lists().pages() - pagesBefore,
                    app.peakRssMib());
        } finally {
            connect.lists().release();
        }
    }

    /**
     * The backfill's checkpoint, read from the app's MongoDB: cheaper than {@code /api/status}, whose counts read the
     * whole collection, which the embedded server takes seconds for once it holds tens of thousands of events.
     */
    private static Document checkpoint(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document found = Mono.from(client.getDatabase("connectx")
                            .getCollection("connectx_backfill")
                            .find(new Document("_id", "since/" + SINCE))
                            .first())
                    .block(Duration.ofSeconds(30));
            return found == null ? new Document() : found;
        }
    }

    private static long objectsDone(Document checkpoint) {
        Document positions = checkpoint.get("positions", new Document());
        return positions.values().stream()
                .mapToLong(position ->
                        ((Document) position).get("done", Number.class).longValue())
                .sum();
    }
}
