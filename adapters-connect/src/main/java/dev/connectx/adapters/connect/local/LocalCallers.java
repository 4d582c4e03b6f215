package dev.connectx.adapters.connect.local;

import dev.connectx.adapters.connect.local.LocalDeliveryService.Refusal;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may deliver locally: a program on this machine, not a web page. A page in the user's browser can post to
 * a loopback port ({@code fetch(…, {mode: "no-cors"})} or a form), but it cannot send
 * {@code Content-Type: application/json} without a CORS preflight (never granted here), and the browser marks
 * its requests with a foreign {@code Origin} and {@code Sec-Fetch-Site: cross-site}.
 */
final class LocalCallers {

    private static final HeaderName SEC_FETCH_SITE = HeaderNames.create("Sec-Fetch-Site");

    private LocalCallers() {}

    /** Why the request is refused, or empty when it may be read. */
    static Optional<Refusal> refusal(ServerRequest request) {
        if (!isLoopback(request.remotePeer().address())) {
            return refuse(Status.FORBIDDEN_403, "local delivery only answers callers on this machine");
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !isOwnOrigin(origin.get(), request.headers().first(HeaderNames.HOST))) {
            return refuse(Status.FORBIDDEN_403, "local delivery does not answer web pages of another origin");
        }
        Optional<String> site = request.headers().first(SEC_FETCH_SITE).map(value -> value.toLowerCase(Locale.ROOT));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return refuse(Status.FORBIDDEN_403, "local delivery does not answer cross-site requests");
        }
        if (!isJson(request.headers().contentType())) {
            return refuse(
                    Status.UNSUPPORTED_MEDIA_TYPE_415, "local delivery takes Content-Type: application/json only");
        }
        return Optional.empty();
    }

    private static boolean isOwnOrigin(String origin, Optional<String> host) {
        return host.isPresent() && origin.equalsIgnoreCase("http://" + host.get());
    }

    private static boolean isJson(Optional<HttpMediaType> type) {
        return type.isPresent()
                && type.get().mediaType().type().equalsIgnoreCase("application")
                && type.get().mediaType().subtype().equalsIgnoreCase("json");
    }

    private static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet
                && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    private static Optional<Refusal> refuse(Status status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }
}
