package dev.connectx.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The production classes of every connectx module that the app runs with, read from where the module system
 * found them (jar or classes directory), so that tests never see test classes and never miss a module.
 */
final class ConnectxModules {

    static final String ROOT = "dev.connectx";

    private ConnectxModules() {}

    /** Module name to location, for every resolved module whose name starts with {@value #ROOT}. */
    static Map<String, URI> locations() {
        return ModuleLayer.boot().configuration().modules().stream()
                .filter(module -> module.name().startsWith(ROOT + "."))
                .collect(Collectors.toMap(
                        ResolvedModule::name,
                        module -> module.reference().location().orElseThrow(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    static JavaClasses importAll() {
        return new ClassFileImporter()
                .importLocations(locations().values().stream().map(Location::of).toList());
    }
}
