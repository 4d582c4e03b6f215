package dev.connectx.application.service;

import dev.connectx.application.port.out.HandledEvent;
import dev.connectx.application.port.out.HandlerVerdict;
import dev.connectx.application.port.out.StoredEventHandler;
import dev.connectx.domain.EventType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler for tests: answers what {@link Behaviour} says, and keeps what it was called with. */
final class RecordedHandler implements StoredEventHandler {

    interface Behaviour {
        HandlerVerdict answer(HandledEvent event) throws Exception;
    }

    private final String name;
    private final Behaviour behaviour;
    private final List<HandledEvent> calls = new CopyOnWriteArrayList<>();
    private final List<String> journal;

    RecordedHandler(String name, List<String> journal, Behaviour behaviour) {
        this.name = name;
        this.journal = journal;
        this.behaviour = behaviour;
    }

    static RecordedHandler done(String name, List<String> journal) {
        return new RecordedHandler(name, journal, event -> HandlerVerdict.DONE);
    }

    List<HandledEvent> calls() {
        return calls;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String origin() {
        return "test";
    }

    @Override
    public boolean handles(EventType type) {
        return true;
    }

    @Override
    public HandlerVerdict handle(HandledEvent event) throws Exception {
        calls.add(event);
        journal.add(name);
        return behaviour.answer(event);
    }
}
