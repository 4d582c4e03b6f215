package dev.connectx.domain;

import java.util.Optional;

/**
 * A tier configuration request's subject.
 *
 * @param tierConfigId the tier configuration ({@code configuration.id})
 * @param accountId its tier account ({@code configuration.account.id})
 * @param productId its product ({@code configuration.product.id})
 * @param tierLevel 1 or 2 ({@code configuration.tier_level}), when the request said
 * @param configStatus the configuration's status as the request reported it ({@code configuration.status})
 */
public record TierConfigSubject(
        TierConfigId tierConfigId,
        AccountId accountId,
        ProductId productId,
        Optional<Integer> tierLevel,
        Optional<ReportedStatus> configStatus)
        implements Subject {

    public TierConfigSubject {
        Values.required("configuration.id", tierConfigId);
        Values.required("configuration.account.id", accountId);
        Values.required("configuration.product.id", productId);
        Values.required("configuration.tier_level", tierLevel);
        Values.required("configuration.status", configStatus);
        tierLevel.ifPresent(level -> {
            if (level != 1 && level != 2) {
                throw new InvalidEventException("configuration.tier_level", "is " + level + ", not 1 or 2");
            }
        });
    }

    @Override
    public SubjectId id() {
        return tierConfigId;
    }

    @Override
    public RequestFamily family() {
        return RequestFamily.TIER_CONFIG_REQUEST;
    }
}
