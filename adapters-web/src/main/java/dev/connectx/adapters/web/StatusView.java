package dev.connectx.adapters.web;

import dev.connectx.application.port.in.BackfillState;
import dev.connectx.application.port.in.HandlerState;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase.Overview;
import dev.connectx.application.port.in.RecordingState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the status shows, read once for one answer: the JSON of {@code /api/status} and the status page are
 * both written from it.
 *
 * @param overview the counts and newest events; empty when the store did not answer, then {@code storeError} says why
 * @param handlers what each extension handler did, in the order they run; empty without extensions
 */
record StatusView(
        Instant now,
        ConnectionState connection,
        Optional<Overview> overview,
        Optional<String> storeError,
        Optional<BackfillState> backfill,
        RecordingState activity,
        List<HandlerState> handlers) {}
