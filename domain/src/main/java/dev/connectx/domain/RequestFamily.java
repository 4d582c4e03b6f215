package dev.connectx.domain;

/**
 * The two kinds of request a subscription event is about: an asset (subscription) request, {@code PR-…}, or a tier
 * configuration request, {@code TCR-…}. The family decides the id's prefix and what the request is about.
 */
public enum RequestFamily {
    ASSET_REQUEST("PR-", "PR-5571-0393-2216-001"),
    TIER_CONFIG_REQUEST("TCR-", "TCR-195-110-021-001");

    private final String idPrefix;
    private final String exampleId;

    RequestFamily(String idPrefix, String exampleId) {
        this.idPrefix = idPrefix;
        this.exampleId = exampleId;
    }

    /** {@code PR-} or {@code TCR-}. */
    public String idPrefix() {
        return idPrefix;
    }

    /** A well-formed id of this family, for messages. */
    public String exampleId() {
        return exampleId;
    }
}
