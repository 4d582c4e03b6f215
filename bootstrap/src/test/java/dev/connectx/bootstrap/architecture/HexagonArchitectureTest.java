package dev.connectx.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The hexagon's boundaries, checked on the production classes of every module. JPMS already stops a module from
 * using what another does not export; these rules cover what it cannot see. ArchUnit fails a rule whose
 * {@code that()} matches no class, and {@link #every_package_the_rules_name_holds_classes} guards the names.
 */
class HexagonArchitectureTest {

    private static final String DOMAIN = "dev.connectx.domain..";
    private static final String APPLICATION = "dev.connectx.application..";
    private static final String PORT_IN = "dev.connectx.application.port.in..";
    private static final String PORT_OUT = "dev.connectx.application.port.out..";
    private static final String SERVICE = "dev.connectx.application.service..";
    private static final String ADAPTERS = "dev.connectx.adapters..";
    private static final String EMBEDDED_TOOLS = "dev.connectx.embedded..";
    private static final String DATA_API_TOOL = "dev.connectx.dataapi..";
    private static final String MONGO_DOCUMENT = "dev.connectx.mongo.document..";
    private static final String GROUP_COMMIT = "dev.connectx.mongo.groupcommit..";
    private static final String MONGO_ADAPTERS = "dev.connectx.adapters.mongo..";
    private static final String BOOTSTRAP = "dev.connectx.bootstrap..";
    private static final String BOOTSTRAP_STORE = "dev.connectx.bootstrap.store..";
    private static final String DRIVING_ADAPTERS_CONNECT = "dev.connectx.adapters.connect..";
    private static final String DRIVING_ADAPTERS_WEB = "dev.connectx.adapters.web..";
    private static final String CONNECT = "dev.connectx.adapters.connect.";
    private static final String[] FRAMEWORKS = {
        "io.helidon..", "com.fasterxml..", "org.bson..", "com.mongodb..", "reactor..", "org.reactivestreams..",
        "io.netty..", "de.bwaldvogel..", "org.slf4j..", "io.micrometer.."};

    static final List<String> RULE_TARGETS = List.of(DOMAIN, APPLICATION, PORT_IN, PORT_OUT, SERVICE, ADAPTERS, EMBEDDED_TOOLS,
            DATA_API_TOOL, MONGO_DOCUMENT, GROUP_COMMIT, MONGO_ADAPTERS, BOOTSTRAP, BOOTSTRAP_STORE, DRIVING_ADAPTERS_CONNECT,
            DRIVING_ADAPTERS_WEB, CONNECT + "runtime..", CONNECT + "local..", CONNECT + "transport..", CONNECT + "rest..",
            CONNECT + "protocol..", CONNECT + "request..");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ConnectxModules.importAll();
    }

    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..");

    static final ArchRule no_framework_in_the_core = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    static final ArchRule driving_ports_do_not_depend_on_driven_ports = HexagonRules.drivingPortsDoNotDependOnDrivenPorts(PORT_IN, PORT_OUT);

    static final ArchRule driving_adapters_use_only_driving_ports =
            HexagonRules.drivingAdaptersUseOnlyDrivingPorts(PORT_OUT, DRIVING_ADAPTERS_CONNECT, DRIVING_ADAPTERS_WEB);

    static final ArchRule adapters_do_not_use_services = HexagonRules.adaptersDoNotUseServices(ADAPTERS, SERVICE);

    static final ArchRule driven_port_implementations_live_in_adapters_or_in_bootstrap_store =
            HexagonRules.drivenPortImplementationsLiveIn(MONGO_ADAPTERS, BOOTSTRAP_STORE);

    static final ArchRule ports_do_not_depend_on_services = noClasses()
            .that().resideInAnyPackage(PORT_IN, PORT_OUT)
            .should().dependOnClassesThat().resideInAPackage(SERVICE);

    static final ArchRule no_adapter_depends_on_another_adapter = slices()
            .matching("dev.connectx.adapters.(*)..")
            .should().notDependOnEachOther();

    static final ArchRule only_bootstrap_knows_the_adapters = classes()
            .that().resideInAPackage(ADAPTERS)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP);

    static final ArchRule tools_outside_the_hexagon_are_used_only_by_bootstrap = classes()
            .that().resideInAnyPackage(EMBEDDED_TOOLS, DATA_API_TOOL)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(EMBEDDED_TOOLS, DATA_API_TOOL, BOOTSTRAP);

    static final ArchRule the_mongodb_document_format_serves_only_the_mongodb_adapters = classes()
            .that().resideInAPackage(MONGO_DOCUMENT)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(MONGO_DOCUMENT, MONGO_ADAPTERS);

    static final ArchRule group_commit_serves_only_the_mongodb_adapters_and_the_data_api_server = classes()
            .that().resideInAPackage(GROUP_COMMIT)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(GROUP_COMMIT, MONGO_ADAPTERS, DATA_API_TOOL);

    static final ArchRule group_commit_knows_nothing_of_connectx = noClasses()
            .that().resideInAPackage(GROUP_COMMIT)
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, MONGO_DOCUMENT, DATA_API_TOOL,
                    EMBEDDED_TOOLS, BOOTSTRAP);

    static final ArchRule driving_ports_are_use_cases = classes()
            .that().resideInAPackage(PORT_IN).and().areInterfaces().and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("UseCase");

    /** Commands and outcomes of the write side, queries and read models ({@code …Query}, {@code …State}, {@code …Page}) of the read side. */
    static final ArchRule driving_port_values_are_commands_outcomes_read_models_or_exceptions = classes()
            .that().resideInAPackage(PORT_IN).and().areTopLevelClasses().and().areNotInterfaces()
            .should().haveSimpleNameEndingWith("Command")
            .orShould().haveSimpleNameEndingWith("Outcome")
            .orShould().haveSimpleNameEndingWith("Query")
            .orShould().haveSimpleNameEndingWith("State")
            .orShould().haveSimpleNameEndingWith("Page")
            .orShould().haveSimpleNameEndingWith("Exception");

    static final ArchRule services_implement_a_use_case = classes()
            .that().resideInAPackage(SERVICE).and().haveSimpleNameEndingWith("Service")
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a UseCase interface",
                    (com.tngtech.archunit.core.domain.JavaClass type) -> type.getSimpleName().endsWith("UseCase")));

    static final ArchRule driven_ports_name_no_technology = classes()
            .that().resideInAPackage(PORT_OUT).and().areInterfaces().and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameNotContaining("Mongo")
            .andShould().haveSimpleNameNotContaining("Http")
            .andShould().haveSimpleNameNotEndingWith("Port");

    /** Inside the Connect adapter: the runtime drives the transport and the REST client; both know nothing of it. */
    static final ArchRule the_connect_adapter_reads_top_down = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("runtime").definedBy(CONNECT + "runtime..")
            .layer("local delivery").definedBy(CONNECT + "local..")
            .layer("transport").definedBy(CONNECT + "transport..")
            .layer("REST client").definedBy(CONNECT + "rest..")
            .layer("protocol").definedBy(CONNECT + "protocol..")
            .layer("request reading").definedBy(CONNECT + "request..")
            .whereLayer("runtime").mayNotBeAccessedByAnyLayer()
            .whereLayer("local delivery").mayNotBeAccessedByAnyLayer()
            .whereLayer("transport").mayOnlyBeAccessedByLayers("runtime")
            .whereLayer("REST client").mayOnlyBeAccessedByLayers("runtime")
            .whereLayer("protocol").mayOnlyBeAccessedByLayers("runtime", "local delivery")
            .whereLayer("request reading").mayOnlyBeAccessedByLayers("runtime", "local delivery");

    static final ArchRule no_package_cycles = slices()
            .matching("dev.connectx.(**)")
            .should().beFreeOfCycles();

    static final List<ArchRule> RULES = List.of(
            domain_depends_on_nothing_but_the_jdk,
            application_depends_only_on_the_domain_and_the_jdk,
            no_framework_in_the_core,
            ports_do_not_depend_on_services,
            driving_ports_do_not_depend_on_driven_ports,
            driving_adapters_use_only_driving_ports,
            adapters_do_not_use_services,
            driven_port_implementations_live_in_adapters_or_in_bootstrap_store,
            no_adapter_depends_on_another_adapter,
            only_bootstrap_knows_the_adapters,
            tools_outside_the_hexagon_are_used_only_by_bootstrap,
            the_mongodb_document_format_serves_only_the_mongodb_adapters,
            group_commit_serves_only_the_mongodb_adapters_and_the_data_api_server,
            group_commit_knows_nothing_of_connectx,
            driving_ports_are_use_cases,
            driving_port_values_are_commands_outcomes_read_models_or_exceptions,
            services_implement_a_use_case,
            driven_ports_name_no_technology,
            the_connect_adapter_reads_top_down,
            no_package_cycles);

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULES")
    void holds(ArchRule rule) {
        rule.check(classes);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULE_TARGETS")
    void every_package_the_rules_name_holds_classes(String packageIdentifier) {
        assertFalse(classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(packageIdentifier)).isEmpty(),
                packageIdentifier + " holds no class: a rule aimed at it could never fail");
    }

    @Test
    void more_than_one_adapter_exists_for_the_adapter_rules_to_compare() {
        long adapterModules = ConnectxModules.locations().keySet().stream().filter(name -> name.startsWith("dev.connectx.adapters.")).count();
        assertTrue(adapterModules >= 2, "adapter modules: " + ConnectxModules.locations().keySet());
    }
}
