package dev.connectx.bootstrap.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Liveness detail: whether the events worker holds a connection to Connect, and where to. Always UP: a Connect
 * outage is Connect's, and connectx reconnects by itself (restarting it would not help); the detail lets an
 * operator see it. The process ends by itself when Connect stays unreachable past the retry budget.
 */
public final class ConnectHealthCheck implements HealthCheck {

    private final BooleanSupplier connected;
    private final String target;

    public ConnectHealthCheck(BooleanSupplier connected, String target) {
        this.connected = Objects.requireNonNull(connected, "connected");
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
        return HealthCheckResponse.builder()
                .status(true)
                .detail("connected", connected.getAsBoolean())
                .detail("target", target)
                .build();
    }
}
