package dev.connectx.testing.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A history of Connect requests for a backfill to list: asset requests of the six types and tier configuration
 * requests of the three, in statuses each type has, one second apart from {@code start}, each of its own asset or
 * tier configuration. Two thirds are asset requests.
 */
public final class RequestHistory {

    private static final String[] ASSET_TYPES = {"purchase", "change", "suspend", "resume", "cancel", "adjustment"};
    private static final String[] ASSET_STATUSES = {"pending", "approved", "failed", "scheduled", "revoking", "revoked"
    };
    private static final String[] TIER_TYPES = {"setup", "update", "adjustment"};
    private static final String[] TIER_STATUSES = {"pending", "inquiring", "approved", "failed"};

    private RequestHistory() {}

    /** {@code count} requests; the i-th is updated at {@code start + i s}. */
    public static List<String> mixed(int count, Instant start) {
        List<String> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(i, start.plusSeconds(i).toString(), 0));
        }
        return requests;
    }

    /** The i-th request of {@link #mixed}, updated again at {@code updated}, in another status ({@code round} > 0). */
    public static String request(int i, String updated, int round) {
        if (i % 3 == 2) {
            return TierConfigRequestJson.of(
                    TIER_TYPES[(i / 3) % TIER_TYPES.length],
                    tierConfigRequestId(i),
                    TIER_STATUSES[(i + round) % TIER_STATUSES.length],
                    updated,
                    "TC-900-%03d-%03d".formatted(i / 1000, i % 1000),
                    "TA-9000-0000-%04d".formatted(i % 10000),
                    "PRD-900-000-000");
        }
        return new PurchaseRequestJson(
                        assetRequestId(i),
                        ASSET_STATUSES[(i + round) % ASSET_STATUSES.length],
                        updated,
                        "AS-9000-%04d-%04d".formatted(i / 10000, i % 10000),
                        "PRD-900-000-000",
                        "ext-" + i,
                        1 + i % 7)
                .json(ASSET_TYPES[((i / 3) * 2 + i % 3) % ASSET_TYPES.length], "active");
    }

    /** The id of the i-th request. */
    public static String requestId(int i) {
        return i % 3 == 2 ? tierConfigRequestId(i) : assetRequestId(i);
    }

    private static String assetRequestId(int i) {
        return "PR-9000-%04d-%04d-001".formatted(i / 10000, i % 10000);
    }

    private static String tierConfigRequestId(int i) {
        return "TCR-900-%03d-%03d-001".formatted(i / 1000, i % 1000);
    }
}
