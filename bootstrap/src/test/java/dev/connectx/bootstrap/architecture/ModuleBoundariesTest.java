package dev.connectx.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.ADAPTERS;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.APPLICATION;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.BOOTSTRAP;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.COALESCER;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.DATA_API_SERVER;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.DOMAIN;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.EMBEDDED_MONGO;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.GROUP_COMMIT;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.LOG_CONTEXT;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.MONGO_ADAPTERS;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.MONGO_DOCUMENT;
import static dev.connectx.bootstrap.architecture.ConnectxPackages.PROXY;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The boundaries between the modules of the tree: each adapter module stands alone (one slice per module, by any
 * path), the libraries in {@code libs/} know nothing of connectx, the servers in {@code servers/} serve only the
 * composition root, and no package cycle exists anywhere.
 */
@AnalyzeClasses(locations = ConnectxModuleLocations.class)
class ModuleBoundariesTest {

    /** The adapter modules, as the module system resolved them (a module's name is its root package). */
    static final List<String> ADAPTER_MODULES = ConnectxModules.locations().keySet().stream()
            .filter(name -> name.startsWith("dev.connectx.adapters."))
            .toList();
    /** The document format both MongoDB adapters write; the one adapter module others may use. */
    static final String SHARED_ADAPTER_MODULE = "dev.connectx.adapters.mongo.document";

    @ArchTest
    static final ArchRule no_adapter_module_depends_on_another =
            HexagonRules.adapterModulesDoNotDependOnEachOther(ADAPTER_MODULES, SHARED_ADAPTER_MODULE);

    @ArchTest
    static final ArchRule no_adapter_module_reaches_another_through_a_library =
            HexagonRules.noAdapterModuleReachesAnother(ADAPTER_MODULES, SHARED_ADAPTER_MODULE);

    @ArchTest
    static final ArchRule the_mongodb_document_format_serves_only_the_mongodb_adapters = classes()
            .that()
            .resideInAPackage(MONGO_DOCUMENT)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(MONGO_ADAPTERS);

    @ArchTest
    static final ArchRule the_libraries_know_nothing_of_connectx = noClasses()
            .that()
            .resideInAnyPackage(COALESCER, GROUP_COMMIT, PROXY, LOG_CONTEXT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP, EMBEDDED_MONGO, DATA_API_SERVER);

    @ArchTest
    static final ArchRule the_coalescer_depends_on_the_jdk_alone = classes()
            .that()
            .resideInAPackage(COALESCER)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(COALESCER, "java..");

    @ArchTest
    static final ArchRule the_proxy_rules_and_the_log_context_depend_on_the_jdk_alone = classes()
            .that()
            .resideInAnyPackage(PROXY, LOG_CONTEXT)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(PROXY, LOG_CONTEXT, "java..");

    @ArchTest
    static final ArchRule group_commit_serves_only_the_driver_adapter_and_the_data_api_server = classes()
            .that()
            .resideInAPackage(GROUP_COMMIT)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(GROUP_COMMIT, "dev.connectx.adapters.mongo.driver..", DATA_API_SERVER);

    @ArchTest
    static final ArchRule the_http_adapter_does_not_read_the_mongodb_driver = noClasses()
            .that()
            .resideInAPackage("dev.connectx.adapters.mongo.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.mongodb..", "reactor..", "org.reactivestreams..");

    @ArchTest
    static final ArchRule the_servers_are_used_only_by_bootstrap = classes()
            .that()
            .resideInAnyPackage(EMBEDDED_MONGO, DATA_API_SERVER)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(EMBEDDED_MONGO, DATA_API_SERVER, BOOTSTRAP);

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("dev.connectx.(**)").should().beFreeOfCycles();
}
