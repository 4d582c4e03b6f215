package dev.connectx.adapters.extensions;

import dev.connectx.application.port.in.RecordSubscriptionEventCommand.ConnectCredentials;
import dev.connectx.domain.RequestId;
import dev.connectx.extension.ConnectCallException;
import dev.connectx.extension.ConnectClient;
import java.util.Optional;

/** The extension API's Connect client for one call: the Connect calls, with the key its event came with. */
final class ExtensionConnectClient implements ConnectClient {

    private final Optional<ConnectRestCalls> calls;
    private final Optional<ConnectCredentials> credentials;

    ExtensionConnectClient(Optional<ConnectRestCalls> calls, Optional<ConnectCredentials> credentials) {
        this.calls = calls;
        this.credentials = credentials;
    }

    @Override
    public String get(String path) throws ConnectCallException {
        return calls().get(key(), path);
    }

    @Override
    public String approve(String requestId, String templateId) throws ConnectCallException {
        if (templateId == null || templateId.isBlank()) {
            throw new ConnectCallException("approving " + requestId + " needs a template id (TL-…)", 0);
        }
        RequestId request = request(requestId);
        return calls().approve(key(), request, templateId);
    }

    @Override
    public String fail(String requestId, String reason) throws ConnectCallException {
        if (reason == null || reason.isBlank()) {
            throw new ConnectCallException("failing " + requestId + " needs a reason", 0);
        }
        RequestId request = request(requestId);
        return calls().fail(key(), request, reason);
    }

    @Override
    public String inquire(String requestId) throws ConnectCallException {
        RequestId request = request(requestId);
        return calls().inquire(key(), request);
    }

    private ConnectRestCalls calls() throws ConnectCallException {
        return calls.orElseThrow(() -> new ConnectCallException(
                "connectx runs in local mode (API_KEY and ENVIRONMENT_ID are not set): Connect cannot be called", 0));
    }

    private String key() throws ConnectCallException {
        return credentials
                .orElseThrow(() -> new ConnectCallException(
                        "no Connect task delivered this event (a local post): Connect cannot be called", 0))
                .apiKey();
    }

    private static RequestId request(String requestId) throws ConnectCallException {
        try {
            return new RequestId(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConnectCallException("not a request id: " + e.getMessage(), 0);
        }
    }
}
