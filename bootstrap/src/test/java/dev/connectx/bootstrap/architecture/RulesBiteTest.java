package dev.connectx.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the ports and adapters, applied to classes written to break it (in {@code violations}, a test-only
 * package laid out like the real ones), fails: no rule passes because it cannot see what it is about.
 */
class RulesBiteTest {

    private static final String VIOLATIONS = "dev.connectx.bootstrap.architecture.violations";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(VIOLATIONS);
    private static final List<String> ADAPTER_MODULES = List.of(
            VIOLATIONS + ".adapters.mongo.http", VIOLATIONS + ".adapters.mongo.driver", VIOLATIONS + ".adapters.web");
    private static final String SHARED = VIOLATIONS + ".adapters.mongo.document";

    private static String assertFails(ArchRule rule, String culprit) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(BROKEN), rule.getDescription());
        assertTrue(failure.getMessage().contains(culprit), failure.getMessage());
        return failure.getMessage();
    }

    @Test
    void an_adapter_using_a_service_breaks_the_rule() {
        assertFails(
                HexagonRules.adaptersDoNotUseServices(VIOLATIONS + ".adapters..", "dev.connectx.application.service.."),
                "AdapterUsingAService");
    }

    @Test
    void a_driving_adapter_using_a_driven_port_breaks_the_rule() {
        assertFails(
                HexagonRules.drivingAdaptersUseOnlyDrivingPorts(
                        "dev.connectx.application.port.out..", VIOLATIONS + ".adapters.web.."),
                "StoreUnavailableException");
    }

    @Test
    void a_driving_port_using_a_driven_port_breaks_the_rule() {
        assertFails(
                HexagonRules.drivingPortsDoNotDependOnDrivenPorts(
                        VIOLATIONS + ".port.in..", "dev.connectx.application.port.out.."),
                "DrivingPortUsingADrivenPort");
    }

    @Test
    void a_store_outside_the_adapters_breaks_the_rule() {
        assertFails(
                HexagonRules.drivenPortImplementationsLiveIn(
                        "dev.connectx.adapters.mongo..", "dev.connectx.bootstrap.store.."),
                "StoreOutsideTheAdapters");
    }

    @Test
    void an_adapter_module_importing_another_breaks_the_slice_rule() {
        String failure = assertFails(
                HexagonRules.adapterModulesDoNotDependOnEachOther(ADAPTER_MODULES, SHARED), "HttpStoreUsingTheDriver");
        assertFalse(
                failure.contains("ThroughALibrary"), "a direct rule cannot see a path through a library:\n" + failure);
    }

    @Test
    void the_http_adapter_reaching_the_driver_adapter_through_a_shared_library_breaks_the_rule() {
        assertFails(
                HexagonRules.noAdapterModuleReachesAnother(ADAPTER_MODULES, SHARED),
                "HttpStoreReachingTheDriverThroughALibrary");
    }
}
