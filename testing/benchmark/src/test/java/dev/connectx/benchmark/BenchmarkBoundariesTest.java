package dev.connectx.benchmark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The benchmark runs on the class path, where no module boundary holds, so these rules say what it may use: it
 * drives connectx from outside ({@code bin/connectx} and the Connect simulator) and reads only the pure code whose
 * cost it measures (the request reader, the document mapping and, in JMH, the frame codec).
 */
@AnalyzeClasses(packages = "dev.connectx.benchmark", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchmarkBoundariesTest {

    @ArchTest
    static final ArchRule the_benchmark_drives_connectx_from_outside = noClasses()
            .that()
            .resideInAPackage("dev.connectx.benchmark..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.connectx.application.service..",
                    "dev.connectx.bootstrap..",
                    "dev.connectx.adapters.connect.runtime..",
                    "dev.connectx.adapters.connect.transport..",
                    "dev.connectx.adapters.connect.rest..",
                    "dev.connectx.adapters.connect.local..",
                    "dev.connectx.adapters.mongo.driver..",
                    "dev.connectx.adapters.mongo.http..",
                    "dev.connectx.adapters.web..",
                    "dev.connectx.embedded..",
                    "dev.connectx.dataapi..");

    @ArchTest
    static final ArchRule only_the_micro_benchmarks_reach_the_frame_codec = noClasses()
            .that()
            .resideInAPackage("dev.connectx.benchmark")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.connectx.adapters.connect.protocol..");
}
