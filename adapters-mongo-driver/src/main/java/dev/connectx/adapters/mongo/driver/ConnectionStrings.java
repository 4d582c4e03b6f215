package dev.connectx.adapters.mongo.driver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Builds and redacts MongoDB connection strings. */
public final class ConnectionStrings {

    private static final Pattern USER_INFO = Pattern.compile("^(mongodb(?:\\+srv)?://)([^@/]*)@");
    /**
     * Options that carry credentials: any whose name holds "password", "secret" or "token" (password,
     * tlsCertificateKeyFilePassword, proxyPassword, …), and authMechanismProperties, which may hold an AWS session
     * token or a cloud resource token; their whole values are redacted.
     */
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)([?&](?:[a-z0-9_]*(?:password|secret|token)[a-z0-9_]*|authMechanismProperties)=)[^&#]*");

    private ConnectionStrings() {}

    /**
     * The Atlas-style string the original Connect example builds from {@code DB_HOST}, {@code DB_USER} and
     * {@code DB_PASSWORD}: {@code mongodb+srv://user:password@host/}, user and password URL-encoded.
     */
    public static String forAtlasHost(String host, String user, String password) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("DB_HOST must not be empty");
        }
        if (host.contains("/") || host.contains("@")) {
            throw new IllegalArgumentException(
                    "DB_HOST must be a host name (e.g. cluster0.abcde.mongodb.net), not a connection string");
        }
        StringBuilder uri = new StringBuilder("mongodb+srv://");
        if (user != null && !user.isEmpty()) {
            uri.append(encode(user));
            if (password != null) {
                uri.append(':').append(encode(password));
            }
            uri.append('@');
        }
        return uri.append(host.strip()).append('/').toString();
    }

    /** The connection string with the password and every credential-bearing option replaced by {@code ****}; safe to print. */
    public static String redact(String connectionString) {
        if (connectionString == null) {
            return "null";
        }
        String redacted = USER_INFO.matcher(connectionString).replaceFirst(match -> {
            String userInfo = match.group(2);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            return java.util.regex.Matcher.quoteReplacement(match.group(1) + user + (colon < 0 ? "" : ":****") + "@");
        });
        return SECRET_OPTION.matcher(redacted).replaceAll("$1****");
    }

    private static String encode(String value) {
        // RFC 3986 percent-encoding: URLEncoder writes form encoding, where a space is '+'.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
