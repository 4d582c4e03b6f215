package dev.connectx.bootstrap.config;

import dev.connectx.bootstrap.http.ApiToken;
import dev.connectx.bootstrap.http.Hosts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP server's settings: where it listens, which {@code Host} names it answers, the token that guards the
 * read API, the status page and local delivery, and how many connections it holds at once.
 *
 * @param host where it listens ({@code CONNECTX_HTTP_HOST}, loopback by default)
 * @param port its port ({@code CONNECTX_HTTP_PORT}, 8080; 0 picks a free one)
 * @param allowedHosts {@code Host} names answered besides loopback ones ({@code CONNECTX_ALLOWED_HOSTS}), lower case,
 *     each a name or {@code name:port}
 * @param token required as a bearer token or Basic password when set ({@code CONNECTX_API_TOKEN}); never printed
 * @param maxConnections connections held at once ({@code CONNECTX_HTTP_MAX_CONNECTIONS}); further ones wait in the
 *     listen backlog
 */
public record HttpSettings(String host, int port, Set<String> allowedHosts, Optional<ApiToken> token, int maxConnections) {

    public static final String HTTP_HOST = "CONNECTX_HTTP_HOST";
    public static final String HTTP_PORT = "CONNECTX_HTTP_PORT";
    public static final String ALLOWED_HOSTS = "CONNECTX_ALLOWED_HOSTS";
    public static final String API_TOKEN = "CONNECTX_API_TOKEN";
    public static final String MAX_CONNECTIONS = "CONNECTX_HTTP_MAX_CONNECTIONS";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Well below a default limit of 1024 open files, which the store's connections and the jars share. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    public HttpSettings {
        allowedHosts = Set.copyOf(allowedHosts);
    }

    static HttpSettings from(Settings settings) {
        String host = settings.text(HTTP_HOST, DEFAULT_HOST);
        Optional<ApiToken> token = settings.text(API_TOKEN).map(value -> {
            try {
                return ApiToken.of(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(API_TOKEN, e.getMessage());
            }
        });
        if (token.isEmpty() && !Hosts.isLoopbackBindAddress(host)) {
            throw new InvalidSettingException(API_TOKEN, "is required when " + HTTP_HOST + " (" + host + ") is not a loopback"
                    + " address: the read API and the status page show customer data. Set it to a long random value,"
                    + " e.g. the output of: openssl rand -hex 32");
        }
        return new HttpSettings(host, settings.port(HTTP_PORT, DEFAULT_PORT), allowedHosts(settings), token,
                settings.positiveInt(MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS));
    }

    private static Set<String> allowedHosts(Settings settings) {
        Set<String> hosts = Arrays.stream(settings.text(ALLOWED_HOSTS, "").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String name : hosts) {
            if (!Hosts.isHostHeaderShaped(name)) {
                throw new InvalidSettingException(ALLOWED_HOSTS, "'" + name + "' is not a host name or name:port, e.g. connectx.example.com");
            }
        }
        return hosts;
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", allowedHosts=" + allowedHosts + ", token="
                + (token.isPresent() ? "set" : "none") + ", maxConnections=" + maxConnections + "]";
    }
}
