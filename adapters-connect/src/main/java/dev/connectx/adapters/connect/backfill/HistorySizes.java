package dev.connectx.adapters.connect.backfill;

import dev.connectx.adapters.connect.rest.ConnectListClient;
import dev.connectx.adapters.connect.rest.ListFailedException;
import dev.connectx.adapters.connect.rest.ListedPage;
import dev.connectx.domain.BackfillCheckpoint;
import dev.connectx.domain.HistoryPosition;
import dev.connectx.domain.RequestFamily;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;

/**
 * Asks each family that has not started for its size ({@code limit=0}), so that the total is known from the start;
 * a family that does not answer has its total from its first page instead.
 */
final class HistorySizes {

    private static final System.Logger LOG = System.getLogger(HistorySizes.class.getName());

    private HistorySizes() {}

    static BackfillCheckpoint sizedUp(
            BackfillCheckpoint checkpoint,
            Set<RequestFamily> families,
            Map<RequestFamily, HistoryQuery> queries,
            ConnectListClient lists,
            String apiKey)
            throws InterruptedException {
        BackfillCheckpoint sized = checkpoint;
        for (RequestFamily family : families) {
            HistoryPosition position = sized.position(family).orElseThrow();
            if (position.finished() || position.counts().done() > 0) {
                continue;
            }
            HistoryQuery query = queries.get(family);
            try {
                ListedPage count =
                        lists.list(query.collection(), query.page(position.watermark(), 0, 0), apiKey, object -> {});
                if (count.total().isPresent()) {
                    sized = sized.with(
                            family,
                            new HistoryPosition(
                                    position.watermark(),
                                    position.seenAtWatermark(),
                                    position.counts().withTotal(count.total().getAsLong()),
                                    false));
                }
            } catch (ListFailedException e) {
                LOG.log(Level.DEBUG, "Backfill: no count of {0} ({1})", query.collection(), e.reason());
            }
        }
        return sized;
    }
}
