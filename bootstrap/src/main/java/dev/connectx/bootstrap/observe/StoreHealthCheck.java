package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.out.SubscriptionEventStore;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Readiness: connectx is ready only while its store answers. Details name the store, never its credentials.
 * The supplier gives {@code null} while the store is still opening.
 */
public final class StoreHealthCheck implements HealthCheck {

    private final Supplier<SubscriptionEventStore> store;

    public StoreHealthCheck(Supplier<SubscriptionEventStore> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        SubscriptionEventStore current = store.get();
        if (current == null) {
            return HealthCheckResponse.builder().status(false).detail("store", "starting").build();
        }
        return HealthCheckResponse.builder()
                .status(current.isReachable())
                .detail("store", current.describe())
                .build();
    }
}
