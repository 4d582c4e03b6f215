package dev.connectx.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.domain.BackfillCheckpoint;
import dev.connectx.domain.BackfillCounts;
import dev.connectx.domain.HistoryPosition;
import dev.connectx.domain.RequestFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every backfill checkpoint store does: checkpoints read back as saved, one per {@code since}; a lease is held
 * by one holder at a time, renewed by it, taken over once expired, and given up on release; and a holder that lost
 * its lease can no longer save. Each test uses a {@code since} of its own, so stores on a shared collection need no
 * cleaning.
 */
public abstract class BackfillCheckpointStoreContractTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    protected BackfillCheckpointStore store;
    private Instant since;

    /** Opens the store under test. */
    protected abstract BackfillCheckpointStore openStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
        since = Instant.ofEpochSecond(ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_700_000_000L));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_since_never_saved_has_no_checkpoint() {
        assertEquals(Optional.empty(), store.load(since));
    }

    @Test
    void the_first_holder_takes_the_lease_and_another_is_refused_while_it_lasts() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        assertFalse(store.lease(since, "b", NOW.plusSeconds(10), NOW.plusSeconds(40)));
        assertEquals(Optional.empty(), store.load(since), "a lease alone is no checkpoint");
    }

    @Test
    void the_holder_renews_its_lease_and_so_keeps_it_past_the_first_expiry() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        assertTrue(store.lease(since, "a", NOW.plusSeconds(20), NOW.plusSeconds(50)));
        assertFalse(store.lease(since, "b", NOW.plusSeconds(40), NOW.plusSeconds(70)));
    }

    @Test
    void an_expired_lease_is_taken_over() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        assertTrue(store.lease(since, "b", NOW.plusSeconds(31), NOW.plusSeconds(61)));
        assertFalse(store.lease(since, "a", NOW.plusSeconds(32), NOW.plusSeconds(62)));
    }

    @Test
    void a_released_lease_is_free_at_once() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        store.release(since, "a");
        assertTrue(store.lease(since, "b", NOW.plusSeconds(1), NOW.plusSeconds(31)));
    }

    @Test
    void only_the_holder_releases_a_lease() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        store.release(since, "b");
        assertFalse(store.lease(since, "b", NOW.plusSeconds(1), NOW.plusSeconds(31)));
    }

    @Test
    void a_saved_checkpoint_reads_back_equal() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        BackfillCheckpoint checkpoint = checkpoint();
        assertTrue(store.save(checkpoint, "a", NOW.plusSeconds(40)));
        assertEquals(Optional.of(checkpoint), store.load(since));
    }

    @Test
    void saving_renews_the_lease() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        assertTrue(store.save(checkpoint(), "a", NOW.plusSeconds(90)));
        assertFalse(store.lease(since, "b", NOW.plusSeconds(60), NOW.plusSeconds(120)));
    }

    @Test
    void a_holder_that_lost_its_lease_cannot_save_over_the_new_holder() {
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        assertTrue(store.lease(since, "b", NOW.plusSeconds(31), NOW.plusSeconds(61)));
        BackfillCheckpoint ofB = BackfillCheckpoint.start(since, EnumSet.of(RequestFamily.ASSET_REQUEST));
        assertTrue(store.save(ofB, "b", NOW.plusSeconds(61)));
        assertFalse(store.save(checkpoint(), "a", NOW.plusSeconds(62)));
        assertEquals(Optional.of(ofB), store.load(since));
    }

    @Test
    void a_checkpoint_belongs_to_its_since_only() {
        Instant other = since.plusSeconds(1);
        assertTrue(store.lease(since, "a", NOW, NOW.plusSeconds(30)));
        assertTrue(store.save(checkpoint(), "a", NOW.plusSeconds(30)));
        assertEquals(Optional.empty(), store.load(other));
        assertTrue(store.lease(other, "b", NOW, NOW.plusSeconds(30)), "another since has a lease of its own");
    }

    @Test
    void of_holders_claiming_at_once_exactly_one_gets_the_lease() throws Exception {
        int holders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(holders);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < holders; i++) {
                String holder = "holder-" + i;
                claims.add(threads.submit(() -> {
                    start.await();
                    return store.lease(since, holder, NOW, NOW.plusSeconds(30));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertEquals(1, won, "holders that got the lease");
        } finally {
            threads.shutdownNow();
        }
    }

    private BackfillCheckpoint checkpoint() {
        Instant watermark = since.plusSeconds(3600);
        return BackfillCheckpoint.start(since, EnumSet.allOf(RequestFamily.class))
                .with(
                        RequestFamily.ASSET_REQUEST,
                        new HistoryPosition(
                                watermark,
                                Set.of("PR-1000-0000-0000-001", "PR-1000-0000-0000-002"),
                                new BackfillCounts(250, 1342, 240, 8, 2),
                                false))
                .with(
                        RequestFamily.TIER_CONFIG_REQUEST,
                        new HistoryPosition(
                                watermark.plusMillis(5), Set.of(), new BackfillCounts(7, 7, 7, 0, 0), true));
    }
}
