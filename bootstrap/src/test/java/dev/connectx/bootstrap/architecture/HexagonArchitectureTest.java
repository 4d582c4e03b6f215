package dev.connectx.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.ADAPTERS;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.ADAPTERS_CONNECT;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.ADAPTERS_WEB;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.APPLICATION;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.BOOTSTRAP;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.BOOTSTRAP_STORE;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_ACCESS;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_BACKFILL;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_LOCAL;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_PROTOCOL;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_REQUEST;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_REST;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_RUNTIME;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.CONNECT_TRANSPORT;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.DOMAIN;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.FRAMEWORKS;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.MONGO_ADAPTERS;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.PORT_IN;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.PORT_OUT;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.SERVICE;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's boundaries, checked on the production classes of every module: the core, the ports and what the
 * adapters may use. JPMS already stops a module from using what another does not export; these rules cover what it
 * cannot see. Each is a field whose name is the sentence the report shows; {@link RulesBiteTest} shows the
 * parameterised ones fail on classes built to break them.
 */
@AnalyzeClasses(locations = ConnectxModuleLocations.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..");

    @ArchTest
    static final ArchRule no_framework_in_the_core = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule ports_do_not_depend_on_services = noClasses()
            .that()
            .resideInAnyPackage(PORT_IN, PORT_OUT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVICE);

    @ArchTest
    static final ArchRule driving_ports_do_not_depend_on_driven_ports =
            HexagonRules.drivingPortsDoNotDependOnDrivenPorts(PORT_IN, PORT_OUT);

    @ArchTest
    static final ArchRule driving_adapters_use_only_driving_ports =
            HexagonRules.drivingAdaptersUseOnlyDrivingPorts(PORT_OUT, ADAPTERS_CONNECT, ADAPTERS_WEB);

    @ArchTest
    static final ArchRule adapters_do_not_use_services = HexagonRules.adaptersDoNotUseServices(ADAPTERS, SERVICE);

    @ArchTest
    static final ArchRule driven_port_implementations_live_in_adapters_or_in_bootstrap_store =
            HexagonRules.drivenPortImplementationsLiveIn(MONGO_ADAPTERS, BOOTSTRAP_STORE);

    @ArchTest
    static final ArchRule only_bootstrap_knows_the_adapters = classes()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(ADAPTERS, BOOTSTRAP);

    @ArchTest
    static final ArchRule driving_ports_are_use_cases = classes()
            .that()
            .resideInAPackage(PORT_IN)
            .and()
            .areInterfaces()
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .haveSimpleNameEndingWith("UseCase");

    /** Commands and outcomes of the write side, queries and read models ({@code …Query}, {@code …State}, {@code …Page}) of the read side. */
    @ArchTest
    static final ArchRule driving_port_values_are_commands_outcomes_read_models_or_exceptions = classes()
            .that()
            .resideInAPackage(PORT_IN)
            .and()
            .areTopLevelClasses()
            .and()
            .areNotInterfaces()
            .should()
            .haveSimpleNameEndingWith("Command")
            .orShould()
            .haveSimpleNameEndingWith("Outcome")
            .orShould()
            .haveSimpleNameEndingWith("Query")
            .orShould()
            .haveSimpleNameEndingWith("State")
            .orShould()
            .haveSimpleNameEndingWith("Page")
            .orShould()
            .haveSimpleNameEndingWith("Exception");

    @ArchTest
    static final ArchRule services_implement_a_use_case = classes()
            .that()
            .resideInAPackage(SERVICE)
            .and()
            .haveSimpleNameEndingWith("Service")
            .should()
            .implement(DescribedPredicate.describe(
                    "a UseCase interface",
                    (JavaClass type) -> type.getSimpleName().endsWith("UseCase")));

    @ArchTest
    static final ArchRule driven_ports_name_no_technology = classes()
            .that()
            .resideInAPackage(PORT_OUT)
            .and()
            .areInterfaces()
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .haveSimpleNameNotContaining("Mongo")
            .andShould()
            .haveSimpleNameNotContaining("Http")
            .andShould()
            .haveSimpleNameNotEndingWith("Port");

    /**
     * Inside the Connect adapter: the runtime drives the transport and the REST client, the backfill the REST client;
     * neither the runtime nor the backfill knows the other, and what they drive knows nothing of them. Both, and the
     * REST client, share the access (the proxied HTTP client, the key's status).
     */
    @ArchTest
    static final ArchRule the_connect_adapter_reads_top_down = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("runtime")
            .definedBy(CONNECT_RUNTIME)
            .layer("local delivery")
            .definedBy(CONNECT_LOCAL)
            .layer("backfill")
            .definedBy(CONNECT_BACKFILL)
            .layer("transport")
            .definedBy(CONNECT_TRANSPORT)
            .layer("REST client")
            .definedBy(CONNECT_REST)
            .layer("access")
            .definedBy(CONNECT_ACCESS)
            .layer("protocol")
            .definedBy(CONNECT_PROTOCOL)
            .layer("request reading")
            .definedBy(CONNECT_REQUEST)
            .whereLayer("runtime")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("local delivery")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("backfill")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("transport")
            .mayOnlyBeAccessedByLayers("runtime")
            .whereLayer("REST client")
            .mayOnlyBeAccessedByLayers("runtime", "backfill")
            .whereLayer("access")
            .mayOnlyBeAccessedByLayers("runtime", "backfill", "REST client")
            .whereLayer("protocol")
            .mayOnlyBeAccessedByLayers("runtime", "local delivery")
            .whereLayer("request reading")
            .mayOnlyBeAccessedByLayers("runtime", "local delivery", "backfill");
}
