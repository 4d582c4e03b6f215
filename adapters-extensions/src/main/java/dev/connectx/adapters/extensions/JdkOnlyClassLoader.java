package dev.connectx.adapters.extensions;

import java.util.HashSet;
import java.util.Set;

/**
 * The parent of the extension layer's class loader: finds the classes of the JDK's modules and nothing else. The
 * platform loader itself would not do: it delegates to the application loader for the packages of the boot layer's
 * application modules, so {@code Class.forName} would find connectx's classes through it.
 */
final class JdkOnlyClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    private final Set<String> jdkPackages = new HashSet<>();

    JdkOnlyClassLoader() {
        super("connectx-extensions-jdk", null);
        for (Module module : ModuleLayer.boot().modules()) {
            ClassLoader loader = module.getClassLoader();
            if (loader == null || loader == platform) {
                jdkPackages.addAll(module.getPackages());
            }
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && jdkPackages.contains(name.substring(0, dot))) {
            return Class.forName(name, false, platform);
        }
        throw new ClassNotFoundException(
                name + " (an extension sees the JDK, its extension API and its own jars only)");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return loadClass(name, false);
    }
}
