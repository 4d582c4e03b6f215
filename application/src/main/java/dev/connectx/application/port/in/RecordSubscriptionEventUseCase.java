package dev.connectx.application.port.in;

/** Driving port: keep a subscription event Connect reported, and say what Connect should be told. */
public interface RecordSubscriptionEventUseCase {

    /**
     * Records the event. Never throws for a store failure: the outcome carries it.
     *
     * @return what to answer Connect
     */
    RecordOutcome record(RecordSubscriptionEventCommand command);
}
