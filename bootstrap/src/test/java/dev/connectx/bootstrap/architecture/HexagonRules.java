package dev.connectx.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.connectx.application.port.out.SubscriptionEventStore;
import java.util.Comparator;
import java.util.List;

/**
 * Rules of the hexagon that name their packages as arguments, so that the same rule checks the production classes
 * ({@link HexagonArchitectureTest}) and is shown to fail on classes built to break it ({@link RulesBiteTest}).
 */
final class HexagonRules {

    private HexagonRules() {}

    static ArchRule drivingPortsDoNotDependOnDrivenPorts(String drivingPorts, String drivenPorts) {
        return noClasses()
                .that()
                .resideInAPackage(drivingPorts)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(drivenPorts)
                .because("what the outside world asks of connectx is said in its own terms, not in the store's");
    }

    static ArchRule drivingAdaptersUseOnlyDrivingPorts(String drivenPorts, String... drivingAdapters) {
        return noClasses()
                .that()
                .resideInAnyPackage(drivingAdapters)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(drivenPorts)
                .because("a driving adapter talks to a use case, never around it to a driven port");
    }

    static ArchRule adaptersDoNotUseServices(String adapters, String services) {
        return noClasses()
                .that()
                .resideInAPackage(adapters)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(services)
                .because("adapters know the ports; only the composition root knows which service implements one");
    }

    static ArchRule drivenPortImplementationsLiveIn(String... allowedPackages) {
        return classes()
                .that()
                .implement(SubscriptionEventStore.class)
                .should()
                .resideInAnyPackage(allowedPackages)
                .because("a store is an adapter's; the composition root may only decorate one");
    }

    /**
     * Each adapter module is a slice of its own, named by its root package (which is the module's name): a class
     * belongs to the module with the longest root that holds it, so {@code adapters.mongo.http} and
     * {@code adapters.mongo.driver} are two slices, not one {@code mongo}.
     */
    static SliceAssignment adapterModules(List<String> moduleRoots) {
        List<String> longestFirst = moduleRoots.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String pkg = type.getPackageName();
                return longestFirst.stream()
                        .filter(root -> pkg.equals(root) || pkg.startsWith(root + "."))
                        .findFirst()
                        .map(SliceIdentifier::of)
                        .orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "adapter modules " + moduleRoots;
            }
        };
    }

    /** No adapter module uses another, except the one whose code they share ({@code shared}, e.g. the MongoDB document). */
    static ArchRule adapterModulesDoNotDependOnEachOther(List<String> moduleRoots, String shared) {
        return slices().assignedFrom(adapterModules(moduleRoots))
                .should()
                .notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(shared + ".."))
                .because("each adapter stands alone; which one runs is the composition root's choice");
    }

    /**
     * No adapter module reaches another by any path through connectx's code, e.g. through a shared library:
     * the check that the direct slice rule cannot make.
     */
    static ArchRule noAdapterModuleReachesAnother(List<String> moduleRoots, String shared) {
        List<ArchRule> rules = moduleRoots.stream()
                .filter(root -> !root.equals(shared))
                .<ArchRule>map(root -> noClasses()
                        .that()
                        .resideInAPackage(root + "..")
                        .should()
                        .transitivelyDependOnClassesThat(resideInAnyPackage(moduleRoots.stream()
                                .filter(other -> !other.equals(root) && !other.equals(shared))
                                .map(other -> other + "..")
                                .toArray(String[]::new)))
                        .because("an adapter that reaches another through a library depends on it all the same"))
                .toList();
        return CompositeArchRule.of(rules)
                .as("no adapter module reaches another adapter module through any chain of classes");
    }
}
