package dev.connectx.bootstrap;

import dev.connectx.adapters.connect.access.ConnectAccess;
import dev.connectx.adapters.connect.runtime.ConnectRuntimeSettings;
import dev.connectx.adapters.extensions.ConnectEndpoint;
import dev.connectx.adapters.extensions.ExtensionLoadException;
import dev.connectx.adapters.extensions.ExtensionLoader;
import dev.connectx.adapters.extensions.HandlerServices;
import dev.connectx.application.port.in.ReadSubscriptionEventsUseCase;
import dev.connectx.application.port.out.StoredEventHandler;
import dev.connectx.application.service.EventHandlerChain;
import dev.connectx.bootstrap.config.ExtensionOptions;
import dev.connectx.bootstrap.config.SettingKey;
import dev.connectx.proxy.ProxyRules;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extensions, wired: their handlers loaded from {@code CONNECTX_EXTENSIONS_DIR} into the chain that runs after
 * the store, and their own settings read from Connect's variables (the latest {@code setup_response}; live) and then
 * the configuration. connectx's own settings are never a handler's, in either.
 */
final class ExtensionWiring {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ExtensionOptions options;
    private volatile Map<String, String> connectVariables = Map.of();

    ExtensionWiring(ExtensionOptions options) {
        this.options = options;
    }

    /**
     * @param connect Connect's REST API, for the handlers' calls; empty in local mode
     * @param resources where the client of those calls is left for closing
     * @throws StartupException when a jar or a handler cannot be used
     */
    EventHandlerChain chain(
            ReadSubscriptionEventsUseCase events,
            Optional<ConnectRuntimeSettings> connect,
            ProxyRules proxies,
            Deque<AutoCloseable> resources) {
        if (options.directory().isEmpty()) {
            return EventHandlerChain.NONE;
        }
        Optional<ConnectEndpoint> endpoint = connect.map(settings -> {
            HttpClient client = new ConnectAccess(settings.apiKey(), proxies).newClient(CONNECT_TIMEOUT);
            resources.push(client::close);
            return new ConnectEndpoint(settings.apiBase(), client, options.handlerTimeout());
        });
        List<StoredEventHandler> handlers;
        try {
            handlers = ExtensionLoader.load(
                    options.directory().get(), new HandlerServices(events, this::setting, endpoint));
        } catch (ExtensionLoadException e) {
            throw new StartupException(SettingKey.CONNECTX_EXTENSIONS_DIR + ": " + e.getMessage(), e);
        }
        return new EventHandlerChain(handlers, options.handlerTimeout(), options.maxCalls(), Clock.systemUTC());
    }

    /** Connect sent its variables anew. */
    void connectVariablesChanged(Map<String, String> variables) {
        connectVariables = Map.copyOf(variables);
    }

    /** A handler setting by its full name: Connect's variable, else the configuration; never connectx's own. */
    Optional<String> setting(String name) {
        if (ExtensionOptions.isConnectxSetting(name)) {
            return Optional.empty();
        }
        String fromConnect = connectVariables.get(name);
        if (fromConnect != null && !fromConnect.isEmpty()) {
            return Optional.of(fromConnect);
        }
        return options.environment().apply(name);
    }
}
