package dev.connectx.bootstrap;

/** The version of connectx, as the build stamped it on the module ({@code --module-version}, the project's). */
public final class Version {

    private Version() {}

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from classes without a module descriptor. */
    public static String current() {
        Module module = Version.class.getModule();
        return module.isNamed() && module.getDescriptor() != null
                ? module.getDescriptor().rawVersion().orElse("unknown")
                : "unknown";
    }
}
