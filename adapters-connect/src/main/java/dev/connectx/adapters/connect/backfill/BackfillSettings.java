package dev.connectx.adapters.connect.backfill;

import java.time.Instant;
import java.util.Objects;

/**
 * What to backfill, and as whom.
 *
 * @param since the oldest {@code updated} to list ({@code CONNECTX_BACKFILL_SINCE})
 * @param pageSize the {@code limit} of one list page, 1 to {@value #MAX_PAGE_SIZE} ({@code CONNECTX_BACKFILL_PAGE_SIZE})
 * @param holder who this instance is when it holds the lease: unique per process
 */
public record BackfillSettings(Instant since, int pageSize, String holder) {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 100;

    public BackfillSettings {
        Objects.requireNonNull(since, "since");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("the page size must be 1 to " + MAX_PAGE_SIZE);
        }
        Objects.requireNonNull(holder, "holder");
    }
}
