package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_ALLOWED_HOSTS;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_API_TOKEN;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_API_TOKEN_FILE;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_HTTP_HOST;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_HTTP_MAX_CONNECTIONS;
import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_HTTP_PORT;

import dev.connectx.bootstrap.http.ApiToken;
import dev.connectx.bootstrap.http.Hosts;
import java.io.IOException;
import java.nio.file.Path;
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
 * @param token required as a bearer token or Basic password when set ({@code CONNECTX_API_TOKEN}, else the content of
 *     {@code CONNECTX_API_TOKEN_FILE}, made when missing); never printed
 * @param maxConnections connections held at once ({@code CONNECTX_HTTP_MAX_CONNECTIONS}); further ones wait in the
 *     listen backlog
 */
public record HttpSettings(
        String host, int port, Set<String> allowedHosts, Optional<ApiToken> token, int maxConnections) {

    public HttpSettings {
        allowedHosts = Set.copyOf(allowedHosts);
    }

    static HttpSettings from(SettingValues values) {
        String host = values.text(CONNECTX_HTTP_HOST);
        Optional<ApiToken> token = values.set(CONNECTX_API_TOKEN)
                .map(value -> token(CONNECTX_API_TOKEN, value))
                .or(() -> values.set(CONNECTX_API_TOKEN_FILE).map(file -> {
                    try {
                        return token(CONNECTX_API_TOKEN_FILE, ApiTokenFile.readOrCreate(Path.of(file)));
                    } catch (IOException e) {
                        throw new InvalidSettingException(
                                CONNECTX_API_TOKEN_FILE, "cannot be read or made: " + e.getMessage());
                    }
                }));
        if (token.isEmpty() && !Hosts.isLoopbackBindAddress(host)) {
            throw new InvalidSettingException(
                    CONNECTX_API_TOKEN,
                    "is required when " + CONNECTX_HTTP_HOST + " (" + host + ") is not a loopback"
                            + " address: the read API and the status page show customer data. Set it to a long random value,"
                            + " e.g. the output of: openssl rand -hex 32 (or " + CONNECTX_API_TOKEN_FILE
                            + " to a file, which connectx fills with one)");
        }
        return new HttpSettings(
                host,
                values.port(CONNECTX_HTTP_PORT),
                allowedHosts(values),
                token,
                values.positiveInt(CONNECTX_HTTP_MAX_CONNECTIONS));
    }

    private static ApiToken token(SettingKey key, String value) {
        try {
            return ApiToken.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage());
        }
    }

    private static Set<String> allowedHosts(SettingValues values) {
        Set<String> hosts = values.list(CONNECTX_ALLOWED_HOSTS).stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String name : hosts) {
            if (!Hosts.isHostHeaderShaped(name)) {
                throw new InvalidSettingException(
                        CONNECTX_ALLOWED_HOSTS,
                        "'" + name + "' is not a host name or name:port, e.g. connectx.example.com");
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
