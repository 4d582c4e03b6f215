package dev.connectx.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.Slices;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ArchUnit lets a rule pass when its {@code that()} matches nothing only if told to; these guards make sure no rule
 * aims at an empty package and that the adapter slices are what they claim: one per module, each with classes.
 */
class RuleTargetsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ConnectxModules.importAll();
    }

    static List<String> ruleTargets() {
        return ConnectxPackages.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleTargets")
    void every_package_the_rules_name_holds_classes(String packageIdentifier) {
        assertFalse(
                classes.that(JavaClass.Predicates.resideInAPackage(packageIdentifier))
                        .isEmpty(),
                packageIdentifier + " holds no class: a rule aimed at it could never fail");
    }

    @Test
    void every_adapter_module_is_a_slice_of_its_own() {
        Slices slices = Slices.assignedFrom(HexagonRules.adapterModules(ModuleBoundariesTest.ADAPTER_MODULES))
                .transform(classes);
        Set<String> names = slices.stream()
                .filter(slice -> !slice.isEmpty())
                .map(RuleTargetsTest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ModuleBoundariesTest.ADAPTER_MODULES), names);
        assertTrue(names.size() >= 5, "adapter slices: " + names);
        assertTrue(
                names.containsAll(Set.of("dev.connectx.adapters.mongo.driver", "dev.connectx.adapters.mongo.http")),
                "the two MongoDB adapters are two slices: " + names);
    }

    @Test
    void the_shared_adapter_module_is_one_of_them() {
        assertTrue(
                ModuleBoundariesTest.ADAPTER_MODULES.contains(ModuleBoundariesTest.SHARED_ADAPTER_MODULE),
                ModuleBoundariesTest.ADAPTER_MODULES.toString());
    }

    private static String name(Slice slice) {
        return slice.getNamePart(1);
    }
}
