package dev.connectx.proxy;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which proxy a request goes through: the {@code HTTPS_PROXY} one for https and wss targets, the {@code HTTP_PROXY}
 * one for http and ws targets, none for a host that {@code NO_PROXY} names or when no proxy is set.
 *
 * <p>The JDK's client sends Basic credentials to a proxy for a tunnel ({@code CONNECT}, which every https and
 * WebSocket connection through a proxy is) only when the {@code jdk.http.auth.tunneling.disabledSchemes} system
 * property is empty before the client's first use; {@link #allowBasicForTunnels()} makes it so.
 */
public final class ProxyRules {

    /** Every request goes directly. */
    public static final ProxyRules NONE = new ProxyRules(null, null, NoProxy.NONE);

    private static final String TUNNEL_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private final ProxyServer https;
    private final ProxyServer http;
    private final NoProxy noProxy;

    private ProxyRules(ProxyServer https, ProxyServer http, NoProxy noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /**
     * The rules of three proxy variables, each null or blank when unset.
     *
     * @throws IllegalArgumentException when a value is malformed, naming which one and never quoting it
     */
    public static ProxyRules of(String httpsProxy, String httpProxy, String noProxy) {
        return new ProxyRules(server("HTTPS_PROXY", httpsProxy), server("HTTP_PROXY", httpProxy), noProxyOf(noProxy));
    }

    private static ProxyServer server(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ProxyServer.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage(), e);
        }
    }

    private static NoProxy noProxyOf(String value) {
        try {
            return NoProxy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NO_PROXY " + e.getMessage(), e);
        }
    }

    /** The proxy for a request to {@code target}; empty to go directly. */
    public Optional<ProxyServer> forUri(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || scheme.equals("wss");
        ProxyServer proxy = secure ? https : (scheme.equals("http") || scheme.equals("ws")) ? http : null;
        if (proxy == null || target.getHost() == null) {
            return Optional.empty();
        }
        int port = target.getPort() >= 0 ? target.getPort() : secure ? 443 : 80;
        return noProxy.matches(target.getHost(), port) ? Optional.empty() : Optional.of(proxy);
    }

    /** Whether any request goes through a proxy. */
    public boolean any() {
        return https != null || http != null;
    }

    /** For the JDK's client: the proxy of each request's URI, or none. */
    public ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return forUri(uri)
                        .map(server -> List.of(new Proxy(
                                Proxy.Type.HTTP, InetSocketAddress.createUnresolved(server.host(), server.port()))))
                        .orElse(List.of(Proxy.NO_PROXY));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                // the client reports the failure to its caller; there is no other proxy to try
            }
        };
    }

    /**
     * For the JDK's client: the credentials of the proxy URL to a proxy that asks for them (407), and nothing to a
     * server that asks (401 goes back to the caller).
     */
    public Authenticator authenticator() {
        List<ProxyServer> withCredentials = Stream.of(https, http)
                .filter(server -> server != null && server.username().isPresent())
                .distinct()
                .toList();
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY || withCredentials.isEmpty()) {
                    return null;
                }
                ProxyServer asking = withCredentials.stream()
                        .filter(server -> server.host().equalsIgnoreCase(getRequestingHost())
                                && server.port() == getRequestingPort())
                        .findFirst()
                        // a tunnel's 407 may name the target rather than the proxy; only our proxies can send one
                        .orElse(withCredentials.size() == 1 ? withCredentials.get(0) : null);
                return asking == null
                        ? null
                        : new PasswordAuthentication(
                                asking.username().orElseThrow(),
                                asking.password().orElse("").toCharArray());
            }
        };
    }

    /**
     * Lets the JDK's client answer a proxy's Basic challenge for a tunnel; it refuses by default. Call before the
     * first client is used; a no-op when no proxy has credentials.
     */
    public void allowBasicForTunnels() {
        boolean credentials =
                Stream.of(https, http).anyMatch(s -> s != null && s.username().isPresent());
        if (credentials && System.getProperty(TUNNEL_DISABLED_SCHEMES) == null) {
            System.setProperty(TUNNEL_DISABLED_SCHEMES, "");
        }
    }

    /** {@code https via http://user:****@proxy:3128, http via …, not for a.example,b.example}: never a password. */
    public String describe() {
        if (!any()) {
            return "no proxy";
        }
        return "https via " + (https == null ? "no proxy" : https.display()) + ", http via "
                + (http == null ? "no proxy" : http.display())
                + (noProxy.isEmpty() ? "" : ", not for " + noProxy);
    }

    @Override
    public String toString() {
        return describe();
    }
}
