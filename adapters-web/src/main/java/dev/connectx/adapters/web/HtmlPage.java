package dev.connectx.adapters.web;

import io.helidon.http.HeaderNames;
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
 * A self-contained page shipped in this module (no external scripts or styles), served with a content security
 * policy that allows exactly its own inline script and style, by their SHA-256 hashes computed from the page as
 * served, and fetches from this origin only. Every page's empty {@code <style></style>} is filled with the one
 * stylesheet the pages share, {@code pages.css}.
 */
final class HtmlPage {

    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final String name;
    private final String page;
    private final String policy;

    HtmlPage(String resource) {
        this.name = resource;
        this.page = read(resource).replace("<style></style>", "<style>\n" + read("pages.css") + "</style>");
        policy = "default-src 'none'; script-src " + hash(SCRIPT) + "; style-src " + hash(STYLE)
                + "; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    private static String read(String resource) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the adapters-web module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String policy() {
        return policy;
    }

    void sendTo(ServerResponse response) {
        send(response, page);
    }

    /** Sends the page with its {@code <!--status-->} placeholder replaced by {@code content} (HTML written here). */
    void sendTo(ServerResponse response, String content) {
        send(response, page.replace("<!--status-->", content));
    }

    private void send(ServerResponse response, String html) {
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.create("Content-Security-Policy"), policy)
                .send(html);
    }

    private String hash(Pattern element) {
        Matcher matcher = element.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException(name + " has no " + element.pattern());
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
