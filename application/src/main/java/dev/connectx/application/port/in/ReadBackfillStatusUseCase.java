package dev.connectx.application.port.in;

import java.util.Optional;

/** Driving port of the read side: how the backfill stands. */
public interface ReadBackfillStatusUseCase {

    /** Empty when no backfill is configured. */
    Optional<BackfillState> backfill();

    /** The use case of an instance with no backfill configured. */
    static ReadBackfillStatusUseCase none() {
        return Optional::empty;
    }
}
