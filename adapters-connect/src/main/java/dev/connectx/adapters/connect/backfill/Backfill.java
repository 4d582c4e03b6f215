package dev.connectx.adapters.connect.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.request.RequestReader;
import dev.connectx.adapters.connect.rest.ConnectListClient;
import dev.connectx.application.port.in.RecordSubscriptionEventUseCase;
import dev.connectx.application.port.in.TrackBackfillUseCase;
import dev.connectx.domain.EventSubscriptions;
import dev.connectx.domain.RequestFamily;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The backfill of a running connectx: one background thread and one HTTP client of its own, so that the WebSocket,
 * the health check and live tasks never wait for it. Closing it stops the job (a page in flight is abandoned, the
 * checkpoint stays at the last page saved) and gives the lease up.
 */
public final class Backfill implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final Thread thread;
    private final HttpClient client;

    private Backfill(Thread thread, HttpClient client) {
        this.thread = thread;
        this.client = client;
    }

    /**
     * Starts the backfill in the background; returns at once.
     *
     * @param apiBase Connect's REST API up to {@code /public/v1}
     * @param apiKey the Connect token the lists are asked with; never printed
     * @param access the proxies to reach Connect through, and where to report whether it accepts the key
     * @param pageTimeout the most one page may take to arrive
     */
    public static Backfill start(
            BackfillSettings settings,
            URI apiBase,
            String apiKey,
            ConnectAccess access,
            Duration pageTimeout,
            EventSubscriptions subscriptions,
            RecordSubscriptionEventUseCase recordEvent,
            TrackBackfillUseCase track,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        HttpClient client = access.newClient(Duration.ofSeconds(10));
        ObjectMapper json = new ObjectMapper();
        RequestReader reader = new RequestReader(json, clock);
        Map<RequestFamily, HistoryQuery> queries = new EnumMap<>(RequestFamily.class);
        HistoryQuery.families(subscriptions)
                .forEach(family -> queries.put(family, HistoryQuery.of(family, subscriptions)));
        BackfillJob job = new BackfillJob(
                settings,
                queries,
                family -> new ListedObjects(family, subscriptions, settings.since(), reader, recordEvent, json),
                new ConnectListClient(client, apiBase, pageTimeout, access.keyStatus()),
                apiKey,
                track,
                new ProgressReport(settings.since(), track, System::nanoTime),
                new RetryPause(new SecureRandom()));
        Thread thread = Thread.ofPlatform().name("connectx-backfill").daemon().unstarted(job);
        thread.start();
        return new Backfill(thread, client);
    }

    /** Whether the job is still at work (waiting, listing or retrying). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits for the job to end by itself (done or failed), at most {@code timeout}; true when it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
