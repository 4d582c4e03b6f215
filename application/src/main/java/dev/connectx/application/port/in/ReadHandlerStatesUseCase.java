package dev.connectx.application.port.in;

import java.util.List;

/** Driving port: what each event handler has done, in the order they run; empty when there is none. */
public interface ReadHandlerStatesUseCase {

    List<HandlerState> handlerStates();
}
