package dev.connectx.extension;

/**
 * Connect's REST API ({@code API_ADDRESS}, through connectx's proxy settings), with the credentials of the task that
 * delivered the event. The request calls work for asset requests ({@code PR-…}, Connect's {@code requests}) and tier
 * configuration requests ({@code TCR-…}, {@code tier/config-requests}) alike.
 */
public interface ConnectClient {

    /**
     * The JSON that {@code GET /public/v1/{path}} answers, e.g. {@code get("requests/PR-1234-5678-9012-001")} or {@code
     * get("assets/AS-1234-5678-9012")}.
     */
    String get(String path) throws ConnectCallException;

    /** Approves a pending request with an activation template ({@code TL-…}); answers the approved request's JSON. */
    String approve(String requestId, String templateId) throws ConnectCallException;

    /** Fails a request, telling the customer {@code reason}; answers the failed request's JSON. */
    String fail(String requestId, String reason) throws ConnectCallException;

    /** Asks the customer for more information ({@code inquiring}); answers the request's JSON. */
    String inquire(String requestId) throws ConnectCallException;
}
