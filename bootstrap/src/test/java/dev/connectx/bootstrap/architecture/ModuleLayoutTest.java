package dev.connectx.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The module conventions: one module per layer, named after its package root, exporting narrowly. */
class ModuleLayoutTest {

    @Test
    void the_app_runs_with_every_module_of_the_design() {
        assertTrue(ConnectxModules.locations().keySet().containsAll(List.of(
                "dev.connectx.domain", "dev.connectx.application", "dev.connectx.adapters.connect",
                "dev.connectx.adapters.web", "dev.connectx.adapters.mongo.driver", "dev.connectx.adapters.mongo.http", "dev.connectx.bootstrap", "dev.connectx.embedded.mongo")),
                ConnectxModules.locations().keySet().toString());
    }

    @Test
    void the_test_tools_are_not_modules_of_the_app() {
        assertFalse(ConnectxModules.locations().containsKey("dev.connectx.simulator"), ConnectxModules.locations().keySet().toString());
        assertTrue(ModuleLayer.boot().findModule("dev.connectx.simulator").isEmpty(), "the Connect simulator is on the module path");
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
    void the_core_exports_only_its_ports_and_services() {
        assertEquals(Set.of("dev.connectx.domain"), exports("dev.connectx.domain"));
        assertEquals(Set.of("dev.connectx.application.port.in", "dev.connectx.application.port.out", "dev.connectx.application.service"),
                exports("dev.connectx.application"));
        assertEquals(Set.of("dev.connectx.adapters.connect.local", "dev.connectx.adapters.connect.runtime"), exports("dev.connectx.adapters.connect"));
        assertEquals(Set.of("dev.connectx.adapters.mongo.driver"), exports("dev.connectx.adapters.mongo.driver"));
        assertEquals(Set.of("dev.connectx.adapters.web"), exports("dev.connectx.adapters.web"));
    }

    @Test
    void bootstrap_exports_nothing_but_its_log_manager_to_java_logging() {
        var descriptor = ModuleLayer.boot().findModule("dev.connectx.bootstrap").orElseThrow().getDescriptor();
        descriptor.exports().forEach(export -> {
            assertEquals("dev.connectx.bootstrap.logging", export.source());
            assertEquals(Set.of("java.logging"), export.targets());
        });
        assertFalse(descriptor.isOpen());
    }

    /** embedded-mongo is an automatic module that merges mongo-java-server, whose split packages forbid the module path. */
    private static boolean isMergedThirdParty(String module, String pkg) {
        return module.equals("dev.connectx.embedded.mongo") && pkg.startsWith("de.bwaldvogel.mongo");
    }

    private static Set<String> exports(String module) {
        Set<String> exported = new TreeSet<>();
        ModuleLayer.boot().findModule(module).orElseThrow().getDescriptor().exports().forEach(e -> exported.add(e.source()));
        return exported;
    }
}
