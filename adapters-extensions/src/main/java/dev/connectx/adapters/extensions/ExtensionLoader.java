package dev.connectx.adapters.extensions;

import dev.connectx.application.port.out.StoredEventHandler;
import dev.connectx.domain.EventType;
import dev.connectx.extension.EventHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the event handlers of the jars in one directory: every {@code *.jar} in it (not below it) becomes a module of
 * one {@link ExtensionLayer}, and every {@link EventHandler} those modules provide becomes a {@link
 * StoredEventHandler}, in the order handlers run: by {@link EventHandler#order()}, then by name. Anything unusable is
 * an {@link ExtensionLoadException} naming the jar or the handler, so that connectx does not start with half of an
 * extension.
 */
public final class ExtensionLoader {

    private static final System.Logger LOG = System.getLogger(ExtensionLoader.class.getName());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PREFIX = Pattern.compile("([A-Z][A-Z0-9_]*_)?");

    private ExtensionLoader() {}

    /** The handlers of the jars in {@code directory}, in the order they run; none when it holds no jar. */
    public static List<StoredEventHandler> load(Path directory, HandlerServices services)
            throws ExtensionLoadException {
        List<Path> jars = jars(directory);
        if (jars.isEmpty()) {
            LOG.log(Level.INFO, "No extension jars in {0}: events are stored, and no handler runs", directory);
            return List.of();
        }
        ModuleLayer layer = ExtensionLayer.of(jars);
        List<ExtensionHandler> handlers = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        try {
            for (ServiceLoader.Provider<EventHandler> provider :
                    ServiceLoader.load(layer, EventHandler.class).stream().toList()) {
                if (provider.type().getModule().getLayer() != layer) {
                    continue; // a provider of the boot layer: not an extension's
                }
                ExtensionHandler handler = checked(provider, services);
                String previous = names.putIfAbsent(handler.name(), handler.origin());
                if (previous != null) {
                    throw new ExtensionLoadException("two handlers are named " + handler.name() + ": in " + previous
                            + " and in " + handler.origin() + "; override name() in one of them");
                }
                handlers.add(handler);
            }
        } catch (ServiceConfigurationError e) {
            throw new ExtensionLoadException(
                    "an extension's handler cannot be created: " + e.getMessage()
                            + (e.getCause() == null ? "" : ": " + e.getCause()),
                    e);
        }
        if (handlers.isEmpty()) {
            throw new ExtensionLoadException("the jars in " + directory + " provide no " + EventHandler.class.getName()
                    + ": declare one with 'provides " + EventHandler.class.getName() + " with …' in module-info.java");
        }
        handlers.sort(Comparator.comparingInt(ExtensionHandler::order).thenComparing(ExtensionHandler::name));
        handlers.forEach(handler -> LOG.log(
                Level.INFO, "Handler {0} from {1}, for {2}", handler.name(), handler.origin(), handler.typesShown()));
        return List.copyOf(handlers);
    }

    private static String withCauses(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(", caused by ").append(cause);
        }
        return text.toString();
    }

    private static List<Path> jars(Path directory) throws ExtensionLoadException {
        if (!Files.isDirectory(directory)) {
            throw new ExtensionLoadException("CONNECTX_EXTENSIONS_DIR " + directory + " is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ExtensionLoadException("CONNECTX_EXTENSIONS_DIR " + directory + " cannot be read: " + e, e);
        }
    }

    private static ExtensionHandler checked(ServiceLoader.Provider<EventHandler> provider, HandlerServices services)
            throws ExtensionLoadException {
        Module module = provider.type().getModule();
        String origin = module.getLayer()
                .configuration()
                .findModule(module.getName())
                .map(resolved -> ExtensionLayer.where(resolved.reference()))
                .orElse("module " + module.getName());
        String where = provider.type().getName() + " in " + origin;
        EventHandler handler;
        String name;
        String prefix;
        List<EventType> types = new ArrayList<>();
        int order;
        try {
            handler = provider.get();
            name = handler.name();
            prefix = handler.settingsPrefix();
            order = handler.order();
            for (String type : handler.eventTypes()) {
                types.add(EventType.find(type)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "eventTypes() names " + type + ", which is no event type connectx knows")));
            }
        } catch (ServiceConfigurationError | RuntimeException e) {
            throw new ExtensionLoadException("the handler " + where + " cannot be used: " + withCauses(e), e);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ExtensionLoadException("the handler " + where + " has the name " + name
                    + "; a name is 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new ExtensionLoadException("the handler " + name + " (" + where + ") declares the settings prefix "
                    + prefix + "; a prefix is upper case letters, digits and '_', ending with '_' (e.g. APPROVE_)");
        }
        return new ExtensionHandler(handler, name, origin, order, types, new CallServices(services, prefix));
    }
}
