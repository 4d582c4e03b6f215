package dev.connectx.bootstrap.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code CONNECTX_API_TOKEN}: the secret a caller of the read API, the status page or local delivery presents, as
 * {@code Authorization: Bearer <token>} or as the password of HTTP Basic (any user name, so that a browser asks for
 * it). Compared in constant time: both sides are hashed first, so neither the content nor the length leaks through
 * timing. Never printed.
 */
public final class ApiToken {

    /** Shorter tokens can be guessed; {@code openssl rand -hex 32} gives 64 characters. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private ApiToken(String value) {
        this.digest = sha256(value);
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, never quoting the value
     */
    public static ApiToken of(String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("is " + value.length() + " characters long; use at least " + MIN_LENGTH
                    + ", e.g. the output of: openssl rand -hex 32");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("must not contain spaces or control characters");
        }
        return new ApiToken(value);
    }

    /** Whether an {@code Authorization} header value carries this token. */
    public boolean isCarriedBy(Optional<String> authorization) {
        return authorization
                .flatMap(ApiToken::presented)
                .map(presented -> MessageDigest.isEqual(digest, sha256(presented)))
                .orElse(false);
    }

    private static Optional<String> presented(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = authorization.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> Optional.of(credentials);
            case "basic" -> basicPassword(credentials);
            default -> Optional.empty();
        };
    }

    private static Optional<String> basicPassword(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[****]";
    }
}
