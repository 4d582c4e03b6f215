package dev.connectx.adapters.web;

import dev.connectx.application.port.in.AssetState;
import dev.connectx.application.port.in.EventsQuery;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.in.StreamedPage;
import dev.connectx.application.port.in.TierConfigState;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TierConfigId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Reads that hold every page of events until released, and say when the first one is being read. */
final class BlockingEventReads implements ReadSubscriptionEventsUseCase {

    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final ReadSubscriptionEventsUseCase reads;

    BlockingEventReads(ReadSubscriptionEventsUseCase reads) {
        this.reads = reads;
    }

    @Override
    public StreamedPage events(EventsQuery query, Consumer<SubscriptionEvent> sink) {
        reading.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reads.events(query, sink);
    }

    @Override
    public Optional<AssetState> assetState(AssetId assetId) {
        return reads.assetState(assetId);
    }

    @Override
    public Optional<TierConfigState> tierConfigState(TierConfigId tierConfigId) {
        return reads.tierConfigState(tierConfigId);
    }

    @Override
    public Overview overview(int latest) {
        return reads.overview(latest);
    }
}
