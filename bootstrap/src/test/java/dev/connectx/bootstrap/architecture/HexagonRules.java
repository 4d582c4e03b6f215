package dev.connectx.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import dev.connectx.application.port.out.SubscriptionEventStore;

/**
 * Rules of the hexagon that name their packages as arguments, so that the same rule checks the production classes
 * ({@link HexagonArchitectureTest}) and is shown to fail on classes built to break it ({@link RulesBiteTest}).
 */
final class HexagonRules {

    private HexagonRules() {
    }

    static ArchRule drivingPortsDoNotDependOnDrivenPorts(String drivingPorts, String drivenPorts) {
        return noClasses().that().resideInAPackage(drivingPorts)
                .should().dependOnClassesThat().resideInAPackage(drivenPorts)
                .because("what the outside world asks of connectx is said in its own terms, not in the store's");
    }

    static ArchRule drivingAdaptersUseOnlyDrivingPorts(String drivenPorts, String... drivingAdapters) {
        return noClasses().that().resideInAnyPackage(drivingAdapters)
                .should().dependOnClassesThat().resideInAPackage(drivenPorts)
                .because("a driving adapter talks to a use case, never around it to a driven port");
    }

    static ArchRule adaptersDoNotUseServices(String adapters, String services) {
        return noClasses().that().resideInAPackage(adapters)
                .should().dependOnClassesThat().resideInAPackage(services)
                .because("adapters know the ports; only the composition root knows which service implements one");
    }

    static ArchRule drivenPortImplementationsLiveIn(String... allowedPackages) {
        return classes().that().implement(SubscriptionEventStore.class)
                .should().resideInAnyPackage(allowedPackages)
                .because("a store is an adapter's; the composition root may only decorate one");
    }
}
