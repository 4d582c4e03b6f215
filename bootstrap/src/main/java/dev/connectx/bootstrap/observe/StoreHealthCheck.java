package dev.connectx.bootstrap.observe;

import dev.connectx.application.port.out.SubscriptionEventStore;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Readiness: connectx is ready only while its store answers and takes writes. Details name the store, never its
 * credentials, and say why writes fail when they do (a full disk under the embedded MongoDB, say). The store
 * supplier gives {@code null} while the store is still opening.
 */
public final class StoreHealthCheck implements HealthCheck {

    private final Supplier<SubscriptionEventStore> store;
    private final Supplier<Optional<String>> writeFailure;

    public StoreHealthCheck(Supplier<SubscriptionEventStore> store, Supplier<Optional<String>> writeFailure) {
        this.store = Objects.requireNonNull(store, "store");
        this.writeFailure = Objects.requireNonNull(writeFailure, "writeFailure");
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
        Optional<String> failing = writeFailure.get();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(failing.isEmpty() && current.isReachable())
                .detail("store", current.describe());
        failing.ifPresent(cause -> response.detail("error", cause));
        return response.build();
    }
}
