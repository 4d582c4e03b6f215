package dev.connectx.bootstrap.backfill;

import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.KEY;
import static dev.connectx.bootstrap.backfill.BackfillEndToEndTest.SINCE;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.HeadlessChromium;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.RequestHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page's backfill progress bar, rendered by a real browser while the backfill runs and once it is done. */
class BackfillStatusPageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void the_status_page_shows_the_backfill_as_a_progress_bar_while_it_runs_and_full_when_done() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Debian's chromium is not installed (apt-get install chromium)");
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            connect.putRequests(RequestHistory.mixed(300, SINCE.plusSeconds(1)));
            connect.lists().delay(Duration.ofMillis(1500));
            try (ConnectxApp app =
                    ConnectxApp.start(TestConfig.config(BackfillEndToEndTest.settings(dataDir, connect, "driver")))) {
                String page = "http://127.0.0.1:" + app.httpPort() + "/";
                BackfillProbe.await(
                        app.httpPort(), status -> status.path("done").asLong() > 0, WAIT);

                String running = HeadlessChromium.renderedDom(dataDir, page);
                assertTrue(
                        Pattern.compile("<progress id=\"backfill-progress\" max=\"300\" value=\"[1-9][0-9]*\">")
                                .matcher(running)
                                .find(),
                        "a bar of 300, partly filled: " + running);
                assertTrue(
                        Pattern.compile("id=\"backfill-text\">(running|retrying): [1-9][0-9]* / 300 objects")
                                .matcher(running)
                                .find(),
                        running);

                connect.lists().delay(Duration.ZERO);
                BackfillProbe.await(app.httpPort(), BackfillProbe.inState("done"), WAIT);
                String done = HeadlessChromium.renderedDom(dataDir, page);
                assertTrue(done.contains("<progress id=\"backfill-progress\" max=\"300\" value=\"300\">"), done);
                assertTrue(done.contains("id=\"backfill-text\">done: 300 / 300 objects"), done);
                assertTrue(done.contains("since 2025-01-01T00:00:00Z: 300 recorded, 0 passed over, 0 malformed"), done);
            }
        }
    }
}
