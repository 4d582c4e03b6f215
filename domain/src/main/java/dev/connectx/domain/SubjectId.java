package dev.connectx.domain;

/** The id of what requests are about: an asset ({@code AS-…}) or a tier configuration ({@code TC-…}). */
public sealed interface SubjectId permits AssetId, TierConfigId {

    String value();

    /** The family of the requests about it. */
    RequestFamily family();
}
