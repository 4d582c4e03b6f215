package dev.connectx.adapters.connect.access;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Connect accepts {@code API_KEY}, as the latest call to it found: the WebSocket upgrade and every REST call
 * report here, the {@code connect} health check reads it. A refusal is logged once, as an ERROR that names the
 * variable and the form Connect expects, never the value; an acceptance after it once, as an INFO.
 */
public final class ApiKeyStatus {

    /** The form of a Connect token, for messages. */
    public static final String EXPECTED_FORM = "ApiKey SU-…:…";

    private static final System.Logger LOG = System.getLogger(ApiKeyStatus.class.getName());

    private final boolean hasExpectedForm;
    private final AtomicReference<String> refusal = new AtomicReference<>();

    /** @param apiKey the key, only looked at for its form */
    public ApiKeyStatus(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        this.hasExpectedForm = apiKey.matches("ApiKey SU-[^:\\s]+:\\S+");
    }

    /**
     * Connect answered 401 or 403.
     *
     * @param where what was refused, e.g. "the WebSocket upgrade" or "GET /public/v1/requests"
     */
    public void refused(String where, int status) {
        String reason = "Connect refused API_KEY (HTTP " + status + " at " + where + ")";
        if (refusal.getAndSet(reason) == null) {
            LOG.log(
                    Level.ERROR,
                    "{0}: API_KEY must be a Connect token of the form ''{1}'' with access to ENVIRONMENT_ID{2}",
                    reason,
                    EXPECTED_FORM,
                    hasExpectedForm ? "" : "; the value set does not have that form");
        }
    }

    /** Connect answered a call made with the key. */
    public void accepted() {
        // Every successful call lands here: read first, so that the usual case writes nothing shared.
        if (refusal.get() != null && refusal.getAndSet(null) != null) {
            LOG.log(Level.INFO, "Connect accepts API_KEY again");
        }
    }

    /** Why Connect does not accept the key, as of the latest call; empty while it does (or nothing was asked yet). */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal.get());
    }
}
