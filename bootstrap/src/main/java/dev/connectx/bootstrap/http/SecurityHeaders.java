package dev.connectx.bootstrap.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The headers every answer carries, so that no page of another site can frame, sniff, embed or be referred from
 * what connectx serves. The status page replaces the content security policy with its own, which allows exactly its
 * own hashed script and style.
 */
final class SecurityHeaders {

    /** Nothing may load, run or frame an answer: right for JSON and errors. */
    static final String DEFAULT_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {}

    static void addTo(ServerResponse response) {
        response.header(HeaderNames.create("Content-Security-Policy"), DEFAULT_POLICY)
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .header(HeaderNames.create("Referrer-Policy"), "no-referrer")
                .header(HeaderNames.create("X-Frame-Options"), "DENY")
                .header(HeaderNames.create("Cross-Origin-Resource-Policy"), "same-origin")
                .header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin")
                .header(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
