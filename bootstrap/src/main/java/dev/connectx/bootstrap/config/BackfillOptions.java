package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_BACKFILL_LEASE;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_BACKFILL_PAGE_SIZE;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_BACKFILL_SINCE;

import dev.connectx.adapters.connect.backfill.BackfillSettings;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The backfill's settings: {@code CONNECTX_BACKFILL_SINCE} turns it on, {@code CONNECTX_BACKFILL_PAGE_SIZE} and
 * {@code CONNECTX_BACKFILL_LEASE} tune it.
 *
 * @param job what the job lists, and the holder this process is for the lease
 * @param lease how long a lease lasts unless its holder renews it
 */
public record BackfillOptions(BackfillSettings job, Duration lease) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * Empty when {@code CONNECTX_BACKFILL_SINCE} is not set. The other two are checked whether or not it is, so that a
     * typo fails at start.
     *
     * @throws InvalidSettingException naming the key: a since that is no instant, or set in local mode (there is no
     *     Connect to list from); a page size out of range; a lease that is not a positive number of seconds
     */
    public static Optional<BackfillOptions> from(SettingValues values, Optional<ConnectRuntimeSettings> connect) {
        int pageSize = pageSize(values);
        Duration lease = values.seconds(CONNECTX_BACKFILL_LEASE);
        Optional<String> since = values.set(CONNECTX_BACKFILL_SINCE);
        if (since.isEmpty()) {
            return Optional.empty();
        }
        Instant instant = instant(since.get());
        if (connect.isEmpty()) {
            throw new InvalidSettingException(
                    CONNECTX_BACKFILL_SINCE,
                    "a backfill lists from Connect, and local mode has no Connect: set API_KEY and ENVIRONMENT_ID,"
                            + " or unset " + CONNECTX_BACKFILL_SINCE);
        }
        String holder = connect.get().instanceId() + "/" + UUID.randomUUID();
        return Optional.of(new BackfillOptions(new BackfillSettings(instant, pageSize, holder), lease));
    }

    private static int pageSize(SettingValues values) {
        String value = values.text(CONNECTX_BACKFILL_PAGE_SIZE);
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= BackfillSettings.MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(
                CONNECTX_BACKFILL_PAGE_SIZE,
                "'" + value + "' is not a page size from 1 to " + BackfillSettings.MAX_PAGE_SIZE);
    }

    private static Instant instant(String value) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(
                    CONNECTX_BACKFILL_SINCE,
                    "'" + value + "' is not an ISO-8601 instant with its offset, such as 2025-01-01T00:00:00Z or"
                            + " 2025-01-01T01:00:00+01:00");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidSettingException(
                    CONNECTX_BACKFILL_SINCE, "'" + value + "' is outside the years 1 to 9999");
        }
        return instant;
    }
}
