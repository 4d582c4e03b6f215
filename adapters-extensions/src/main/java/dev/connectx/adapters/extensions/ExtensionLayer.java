package dev.connectx.adapters.extensions;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The module layer of the extension jars, over the boot layer: resolved from the jars alone, then checked so that no
 * extension module reads a module of the boot layer other than the extension API and the JDK's. The layer's one class
 * loader has a {@link JdkOnlyClassLoader} as its parent, so connectx's classes cannot be found by name either.
 */
final class ExtensionLayer {

    static final String API_MODULE = "dev.connectx.extension";

    private ExtensionLayer() {}

    static ModuleLayer of(List<Path> jars) throws ExtensionLoadException {
        if (!dev.connectx.extension.EventHandler.class.getModule().isNamed()) {
            throw new ExtensionLoadException("extensions need connectx on the module path, as bin/connectx runs it;"
                    + " on the class path (java -jar) there is no " + API_MODULE + " module for them to read");
        }
        ModuleFinder finder;
        Set<ModuleReference> found;
        try {
            finder = ModuleFinder.of(jars.toArray(Path[]::new));
            found = finder.findAll();
        } catch (FindException e) {
            throw new ExtensionLoadException("an extension jar cannot be read as a module: " + causes(e), e);
        }
        List<String> shadowing = new ArrayList<>();
        for (ModuleReference reference : found) {
            if (ModuleLayer.boot().findModule(reference.descriptor().name()).isPresent()) {
                shadowing.add(where(reference));
            }
        }
        if (!shadowing.isEmpty()) {
            throw new ExtensionLoadException(String.join(", ", shadowing)
                    + ": connectx has a module of that name itself; leave it out of CONNECTX_EXTENSIONS_DIR (an"
                    + " extension needs " + API_MODULE + " to compile, with Maven's scope provided, not in its jar)");
        }
        List<String> automatic = new ArrayList<>();
        for (ModuleReference reference : found) {
            if (reference.descriptor().isAutomatic()) {
                automatic.add(where(reference));
            }
        }
        if (!automatic.isEmpty()) {
            throw new ExtensionLoadException("not modules (no module-info.class): " + String.join(", ", automatic)
                    + ". An extension jar must be a named module that requires " + API_MODULE
                    + "; a library without a module-info goes inside the extension's jar");
        }
        Set<String> roots =
                found.stream().map(r -> r.descriptor().name()).collect(Collectors.toCollection(TreeSet::new));
        Configuration boot = ModuleLayer.boot().configuration();
        Configuration configuration;
        try {
            configuration = boot.resolve(finder, ModuleFinder.of(), roots);
        } catch (FindException | ResolutionException e) {
            throw new ExtensionLoadException("the extension modules cannot be resolved: " + causes(e), e);
        }
        checkReads(configuration, boot);
        try {
            return ModuleLayer.boot().defineModulesWithOneLoader(configuration, new JdkOnlyClassLoader());
        } catch (LayerInstantiationException | SecurityException e) {
            throw new ExtensionLoadException("the extension modules cannot be defined: " + causes(e), e);
        }
    }

    private static void checkReads(Configuration configuration, Configuration boot) throws ExtensionLoadException {
        List<String> breaches = new ArrayList<>();
        for (ResolvedModule module : configuration.modules()) {
            Set<String> internals = new TreeSet<>();
            for (ResolvedModule read : module.reads()) {
                if (read.configuration() == boot && !allowed(read.name())) {
                    internals.add(read.name());
                }
            }
            if (!internals.isEmpty()) {
                breaches.add(where(module.reference()) + " requires " + String.join(", ", internals));
            }
        }
        if (!breaches.isEmpty()) {
            throw new ExtensionLoadException(String.join("; ", breaches)
                    + ": those are connectx's own modules, not its extension API. An extension module may require "
                    + API_MODULE + ", the JDK's modules, and the modules of the other jars in CONNECTX_EXTENSIONS_DIR");
        }
    }

    private static boolean allowed(String module) {
        return module.equals(API_MODULE) || module.startsWith("java.") || module.startsWith("jdk.");
    }

    static String where(ModuleReference reference) {
        String jar = reference
                .location()
                .map(uri -> Path.of(uri).getFileName().toString())
                .orElse("?");
        return "module " + reference.descriptor().toNameAndVersion() + " (" + jar + ")";
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
