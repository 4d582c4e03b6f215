package dev.connectx.bootstrap.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Liveness detail: whether the events worker holds a connection to Connect, and where to. UP through a Connect
 * outage: it is Connect's, and connectx reconnects by itself (restarting it would not help); the detail lets an
 * operator see it. DOWN while Connect refuses {@code API_KEY}, with the reason: no reconnect fixes that, an operator
 * must. The process ends by itself when Connect stays unreachable past the retry budget, or keeps refusing the key.
 */
public final class ConnectHealthCheck implements HealthCheck {

    private final BooleanSupplier connected;
    private final Supplier<Optional<String>> problem;
    private final String target;

    /** @param problem why Connect refuses connectx (its key), if it does */
    public ConnectHealthCheck(BooleanSupplier connected, Supplier<Optional<String>> problem, String target) {
        this.connected = Objects.requireNonNull(connected, "connected");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.LIVENESS;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> refused = problem.get();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(refused.isEmpty())
                .detail("connected", connected.getAsBoolean())
                .detail("target", target);
        refused.ifPresent(reason -> response.detail("error", reason));
        return response.build();
    }
}
