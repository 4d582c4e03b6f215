package dev.connectx.bootstrap.architecture;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.util.Set;
import java.util.stream.Collectors;

/** For {@code @AnalyzeClasses}: the production classes of every connectx module the app runs with. */
final class ConnectxModuleLocations implements LocationProvider {

    @Override
    public Set<Location> get(Class<?> testClass) {
        return ConnectxModules.locations().values().stream().map(Location::of).collect(Collectors.toSet());
    }
}
