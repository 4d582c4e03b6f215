package dev.connectx.adapters.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /}: one self-contained page (no external scripts or styles) that reads {@code /api/status} every two
 * seconds and shows the connection to Connect, the active store, the events by status and the newest events.
 *
 * <p>Its content security policy allows exactly the page's own inline script and style, by their SHA-256 hashes
 * (computed from the page as shipped), and fetches from this origin only.
 */
public final class StatusPageService implements HttpService {

    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final String page;
    private final String policy;

    public StatusPageService() {
        try (InputStream in = StatusPageService.class.getResourceAsStream("status.html")) {
            if (in == null) {
                throw new IllegalStateException("status.html is missing from the adapters-web module");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        policy = "default-src 'none'; script-src " + hash(SCRIPT) + "; style-src " + hash(STYLE)
                + "; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    /** The page's content security policy. */
    String policy() {
        return policy;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::page);
    }

    private void page(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.create("Content-Security-Policy"), policy)
                .send(page);
    }

    private String hash(Pattern element) {
        Matcher matcher = element.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("status.html has no " + element.pattern());
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
