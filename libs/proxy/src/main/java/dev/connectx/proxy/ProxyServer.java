package dev.connectx.proxy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy: where it is and, when the proxy URL carries them, the credentials to give it. The password is never
 * part of {@link #toString()} or {@link #display()}.
 */
public final class ProxyServer {

    private final String host;
    private final int port;
    private final String username;
    private final String password;

    ProxyServer(String host, int port, String username, String password) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * Reads a proxy URL such as {@code http://user:secret@proxy.example:3128} or {@code proxy.example:3128}.
     *
     * @throws IllegalArgumentException for anything but an {@code http://} proxy with a host; the message never
     *     quotes the value, which may hold a password
     */
    public static ProxyServer parse(String value) {
        String text = value.strip();
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "http://" + text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a proxy URL such as http://proxy.example:3128");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("names a " + uri.getScheme() + ":// proxy; only http:// proxies are"
                    + " supported (connections to https:// targets are tunnelled through them, still encrypted)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("names no proxy host; expected a URL such as http://proxy.example:3128");
        }
        if (uri.getRawPath() != null
                && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("has a path; a proxy URL is http://[user:password@]host[:port]");
        }
        String user = null;
        String secret = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            secret = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new ProxyServer(host, uri.getPort() < 0 ? 80 : uri.getPort(), user, secret);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The user name of the proxy URL; empty when it names none. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The password of the proxy URL; empty when it names no user. Never print it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** {@code http://user:****@host:port}, or {@code http://host:port}: for logs and the status page. */
    public String display() {
        String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return "http://" + (username == null ? "" : username + ":****@") + where;
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyServer that
                && host.equals(that.host)
                && port == that.port
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username);
    }
}
