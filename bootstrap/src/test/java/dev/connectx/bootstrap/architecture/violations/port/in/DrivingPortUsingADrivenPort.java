package dev.connectx.bootstrap.architecture.violations.port.in;

import dev.connectx.application.port.out.EventQuery;

/** Breaks a rule on purpose: a driving port whose method takes a driven port's type. */
public interface DrivingPortUsingADrivenPort {

    void read(EventQuery query);
}
