package dev.connectx.domain;

import java.util.Optional;

/**
 * An asset request's subject.
 *
 * @param assetId the subscription ({@code asset.id})
 * @param productId the subscribed product ({@code asset.product.id})
 * @param assetStatus the subscription's status as the request reported it ({@code asset.status}), when it did
 */
public record AssetSubject(AssetId assetId, ProductId productId, Optional<ReportedStatus> assetStatus)
        implements Subject {

    public AssetSubject {
        Values.required("asset.id", assetId);
        Values.required("asset.product.id", productId);
        Values.required("asset.status", assetStatus);
    }

    @Override
    public SubjectId id() {
        return assetId;
    }

    @Override
    public RequestFamily family() {
        return RequestFamily.ASSET_REQUEST;
    }
}
