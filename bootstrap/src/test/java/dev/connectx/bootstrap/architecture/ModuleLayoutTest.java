package dev.connectx.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module conventions: one module per layer, named after its package root, test tools outside the app. What each
 * module requires and exports is pinned by {@link ModuleDescriptorsTest}.
 */
class ModuleLayoutTest {

    @Test
    void the_test_tools_are_not_modules_of_the_app() {
        assertFalse(
                ConnectxModules.locations().containsKey("dev.connectx.simulator"),
                ConnectxModules.locations().keySet().toString());
        assertTrue(
                ModuleLayer.boot().findModule("dev.connectx.simulator").isEmpty(),
                "the Connect simulator is on the module path");
        assertTrue(
                ModuleLayer.boot().findModule("dev.connectx.testing.support").isEmpty(),
                "the test support is on the module path");
    }

    @Test
    void every_package_of_a_module_starts_with_the_module_name() {
        for (String name : ConnectxModules.locations().keySet()) {
            Module module = ModuleLayer.boot().findModule(name).orElseThrow();
            Set<String> foreign = new TreeSet<>();
            for (String pkg : module.getPackages()) {
                if (!pkg.equals(name) && !pkg.startsWith(name + ".") && !isMergedThirdParty(name, pkg)) {
                    foreign.add(pkg);
                }
            }
            assertTrue(foreign.isEmpty(), name + " holds packages outside its root: " + foreign);
        }
    }

    @Test
    void bootstrap_exports_nothing_but_its_log_manager_to_java_logging() {
        var descriptor = ModuleLayer.boot()
                .findModule("dev.connectx.bootstrap")
                .orElseThrow()
                .getDescriptor();
        descriptor.exports().forEach(export -> {
            assertEquals("dev.connectx.bootstrap.logging", export.source());
            assertEquals(Set.of("java.logging"), export.targets());
        });
        assertFalse(descriptor.isOpen());
    }

    @Test
    void the_extension_api_requires_nothing_but_java_base_and_its_classes_use_only_the_jdk() {
        var descriptor = ModuleLayer.boot()
                .findModule("dev.connectx.extension")
                .orElseThrow()
                .getDescriptor();
        assertEquals(
                Set.of("java.base"),
                descriptor.requires().stream()
                        .map(java.lang.module.ModuleDescriptor.Requires::name)
                        .collect(java.util.stream.Collectors.toSet()),
                "an extension compiles against this module alone");
        assertEquals(Set.of("dev.connectx.extension"), descriptor.packages());
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("dev.connectx.extension..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.connectx.extension..", "java..")
                .because("the API an extension sees is the JDK and itself")
                .check(ConnectxModules.importAll());
    }

    /** embedded-mongo is an automatic module that merges mongo-java-server, whose split packages forbid the module path. */
    private static boolean isMergedThirdParty(String module, String pkg) {
        return module.equals("dev.connectx.embedded.mongo") && pkg.startsWith("de.bwaldvogel.mongo");
    }
}
