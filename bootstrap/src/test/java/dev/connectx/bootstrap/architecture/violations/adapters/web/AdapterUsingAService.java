package dev.connectx.bootstrap.architecture.violations.adapters.web;

import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.service.ReadSubscriptionEventsService;

/** Breaks two rules on purpose: a driving adapter that builds a service and catches a driven port's exception. */
public final class AdapterUsingAService {

    public Object reads() {
        try {
            return new ReadSubscriptionEventsService(null);
        } catch (StoreUnavailableException e) {
            return null;
        }
    }
}
