package dev.connectx.adapters.extensions;

import dev.connectx.application.port.out.ConnectCallFailedException;
import dev.connectx.application.port.out.ConnectCalls;
import dev.connectx.domain.RequestId;
import dev.connectx.extension.ConnectCallException;
import dev.connectx.extension.ConnectClient;

/** The extension API's Connect client over the task's {@link ConnectCalls}. */
final class ExtensionConnectClient implements ConnectClient {

    private final ConnectCalls calls;

    ExtensionConnectClient(ConnectCalls calls) {
        this.calls = calls;
    }

    @Override
    public String get(String path) throws ConnectCallException {
        try {
            return calls.get(path);
        } catch (ConnectCallFailedException e) {
            throw translated(e);
        }
    }

    @Override
    public String approve(String requestId, String templateId) throws ConnectCallException {
        if (templateId == null || templateId.isBlank()) {
            throw new ConnectCallException("approving " + requestId + " needs a template id (TL-…)", 0);
        }
        try {
            return calls.approve(request(requestId), templateId);
        } catch (ConnectCallFailedException e) {
            throw translated(e);
        }
    }

    @Override
    public String fail(String requestId, String reason) throws ConnectCallException {
        if (reason == null || reason.isBlank()) {
            throw new ConnectCallException("failing " + requestId + " needs a reason", 0);
        }
        try {
            return calls.fail(request(requestId), reason);
        } catch (ConnectCallFailedException e) {
            throw translated(e);
        }
    }

    @Override
    public String inquire(String requestId) throws ConnectCallException {
        try {
            return calls.inquire(request(requestId));
        } catch (ConnectCallFailedException e) {
            throw translated(e);
        }
    }

    private static RequestId request(String requestId) throws ConnectCallException {
        try {
            return new RequestId(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConnectCallException("not a request id: " + e.getMessage(), 0);
        }
    }

    private static ConnectCallException translated(ConnectCallFailedException e) {
        return new ConnectCallException(e.getMessage(), e.status());
    }
}
