package dev.connectx.application.port.out;

import dev.connectx.domain.BackfillCheckpoint;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: where backfills keep their checkpoints, one per {@code since} value, and the lease that lets one
 * instance at a time run a backfill when several share a store.
 *
 * <p>A lease has a holder and an expiry; it is free when nobody holds it or it has expired. Taking and saving are
 * each one atomic operation in the store, so that two instances can never both hold a lease, and an instance that
 * lost its lease can never overwrite the checkpoint of the one that took it over.
 */
public interface BackfillCheckpointStore extends AutoCloseable {

    /**
     * The checkpoint of the backfill since that instant; empty when none was saved.
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    Optional<BackfillCheckpoint> load(Instant since);

    /**
     * Takes the lease of the backfill since that instant, or renews it, for {@code holder} until {@code until}: when
     * it is free at {@code now}, or held by {@code holder} already.
     *
     * @return whether {@code holder} holds the lease now
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    boolean lease(Instant since, String holder, Instant now, Instant until);

    /**
     * Saves the checkpoint and renews the lease until {@code until}, if {@code holder} still holds it.
     *
     * @return false, saving nothing, when another instance holds the lease
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    boolean save(BackfillCheckpoint checkpoint, String holder, Instant until);

    /**
     * Gives the lease up, if {@code holder} holds it, so that another instance can take it at once.
     *
     * @throws StoreUnavailableException when the store cannot be reached or does not answer in time
     */
    void release(Instant since, String holder);

    @Override
    void close();
}
