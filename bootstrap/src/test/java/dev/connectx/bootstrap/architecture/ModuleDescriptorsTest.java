package dev.connectx.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module's descriptor (what it requires, exports, opens, uses and provides) against a file checked in under
 * {@code src/test/resources/module-descriptors/} (a folder name that is no package name, so the module system does not
 * count it as one of bootstrap's packages), so that a new {@code requires} or {@code exports} is a reviewed diff. After an
 * intended change, rewrite the files with {@code -Dconnectx.updateModuleSnapshots=true} and review them.
 */
class ModuleDescriptorsTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/module-descriptors");
    private static final boolean UPDATE = Boolean.getBoolean("connectx.updateModuleSnapshots");

    static Set<String> modules() {
        return ConnectxModules.locations().keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void the_module_descriptor_matches_its_snapshot(String module) throws IOException {
        String actual =
                describe(ModuleLayer.boot().findModule(module).orElseThrow().getDescriptor());
        Path snapshot = SNAPSHOTS.resolve(module + ".txt");
        if (UPDATE) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(snapshot, actual);
        }
        String expected = Files.exists(snapshot) ? Files.readString(snapshot) : "(no snapshot " + snapshot + ")\n";
        assertEquals(
                expected,
                actual,
                module + " changed its descriptor; if intended, run with -Dconnectx.updateModuleSnapshots=true");
    }

    @Test
    void every_snapshot_belongs_to_a_module_the_app_runs_with() throws IOException {
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            Set<String> snapshotted = files.map(
                            file -> file.getFileName().toString().replaceFirst("\\.txt$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(modules()), snapshotted);
        }
    }

    /** One sorted line per directive; the implicit {@code requires java.base} is left out. */
    static String describe(ModuleDescriptor descriptor) {
        List<String> lines = new ArrayList<>();
        lines.add((descriptor.isAutomatic() ? "automatic " : descriptor.isOpen() ? "open " : "") + "module "
                + descriptor.name());
        if (descriptor.isAutomatic()) {
            descriptor.packages().stream()
                    .filter(pkg -> pkg.startsWith(ConnectxModules.ROOT + "."))
                    .sorted()
                    .forEach(pkg -> lines.add("package " + pkg));
            return String.join("\n", lines) + "\n";
        }
        descriptor.requires().stream()
                .filter(requires -> !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
                .map(requires -> "requires " + modifiers(requires.modifiers()) + requires.name())
                .sorted()
                .forEach(lines::add);
        descriptor.exports().stream()
                .map(exports -> "exports " + exports.source() + targets(exports.targets()))
                .sorted()
                .forEach(lines::add);
        descriptor.opens().stream()
                .map(opens -> "opens " + opens.source() + targets(opens.targets()))
                .sorted()
                .forEach(lines::add);
        descriptor.uses().stream().map(service -> "uses " + service).sorted().forEach(lines::add);
        descriptor.provides().stream()
                .map(provides -> "provides " + provides.service() + " with " + String.join(", ", provides.providers()))
                .sorted()
                .forEach(lines::add);
        return String.join("\n", lines) + "\n";
    }

    private static String modifiers(Set<ModuleDescriptor.Requires.Modifier> modifiers) {
        return modifiers.stream()
                .map(modifier -> modifier.name().toLowerCase(java.util.Locale.ROOT) + " ")
                .sorted()
                .collect(Collectors.joining());
    }

    private static String targets(Set<String> targets) {
        return targets.isEmpty() ? "" : " to " + String.join(", ", new TreeSet<>(targets));
    }
}
