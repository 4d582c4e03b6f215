package dev.connectx.application.port.in;

import dev.connectx.domain.SubscriptionEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link RecordSubscriptionEventUseCase}: one event, already validated by the domain.
 *
 * @param event the event to keep
 * @param credentials the Connect token it came with, for its handlers; empty when it came with none (a local post)
 */
public record RecordSubscriptionEventCommand(SubscriptionEvent event, Optional<ConnectCredentials> credentials) {

    public RecordSubscriptionEventCommand {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** An event that came with no Connect token: its handlers cannot call Connect. */
    public RecordSubscriptionEventCommand(SubscriptionEvent event) {
        this(event, Optional.empty());
    }

    /**
     * The Connect token an event came with: the key of the task that delivered it (an installation's, for a
     * Multi-Account installation) or the runner's own. The event's handlers call Connect with it. Never printed.
     *
     * @param apiKey the value of the {@code Authorization} header, {@code ApiKey SU-…:…}
     */
    public record ConnectCredentials(String apiKey) {

        public ConnectCredentials {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("a Connect key is not blank");
            }
        }

        @Override
        public String toString() {
            return "ConnectCredentials[****]";
        }
    }
}
