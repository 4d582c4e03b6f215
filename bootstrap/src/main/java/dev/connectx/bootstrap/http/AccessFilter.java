package dev.connectx.bootstrap.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every HTTP request passes here first. All answers get the security headers. Then, except under the open paths
 * ({@code /observe}: health and metrics, which carry no customer data; the Data API, which checks its own keys):
 * <ol>
 *   <li>the {@code Host} rule: only loopback names and addresses, or an allowed host, else 421;</li>
 *   <li>the token, when one is set: {@code Authorization: Bearer} or Basic with it as the password, else 401 with a
 *       Basic challenge, so that a browser asks for it.</li>
 * </ol>
 */
public final class AccessFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(AccessFilter.class.getName());
    private static final String CHALLENGE = "Basic realm=\"connectx\", charset=\"UTF-8\"";

    private final Set<String> allowedHosts;
    private final Optional<ApiToken> token;
    private final List<String> openPrefixes;

    /**
     * @param allowedHosts entries of {@code CONNECTX_ALLOWED_HOSTS}, lower case
     * @param openPrefixes path prefixes neither rule applies to, e.g. {@code /observe/}
     */
    public AccessFilter(Set<String> allowedHosts, Optional<ApiToken> token, List<String> openPrefixes) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.token = Objects.requireNonNull(token, "token");
        this.openPrefixes = List.copyOf(openPrefixes);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        SecurityHeaders.addTo(response);
        String path = request.path().path();
        if (openPrefixes.stream().anyMatch(path::startsWith)) {
            chain.proceed();
            return;
        }
        String host = request.authority();
        if (!isAnsweredHost(host)) {
            LOG.log(Level.DEBUG, "Answered 421 to a request for another Host");
            refuse(
                    response,
                    Status.MISDIRECTED_REQUEST_421,
                    "connectx does not answer for this Host header; a name other than"
                            + " localhost or a loopback address must be listed in CONNECTX_ALLOWED_HOSTS");
            return;
        }
        if (token.isPresent() && !token.get().isCarriedBy(request.headers().first(HeaderNames.AUTHORIZATION))) {
            response.header(HeaderNames.WWW_AUTHENTICATE, CHALLENGE);
            refuse(
                    response,
                    Status.UNAUTHORIZED_401,
                    "this needs the token CONNECTX_API_TOKEN, as Authorization: Bearer <token>"
                            + " or as the password of HTTP Basic");
            return;
        }
        chain.proceed();
    }

    private boolean isAnsweredHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        return Hosts.isLoopbackHostHeader(host)
                || allowedHosts.stream().anyMatch(allowed -> Hosts.matchesAllowed(host, allowed));
    }

    private static void refuse(RoutingResponse response, Status status, String message) {
        response.status(status)
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .send("{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    }
}
