package dev.connectx.domain;

/** What a request event is about: an asset (subscription) or a tier configuration, and its product. */
public sealed interface Subject permits AssetSubject, TierConfigSubject {

    /** The asset's or the tier configuration's id. */
    SubjectId id();

    ProductId productId();

    /** The family of the requests that are about such a subject. */
    RequestFamily family();
}
