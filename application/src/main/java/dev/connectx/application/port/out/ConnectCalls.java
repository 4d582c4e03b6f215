package dev.connectx.application.port.out;

import dev.connectx.domain.RequestId;

/**
 * Driven port: the Connect REST calls an event's handlers may make, with the credentials of the task that delivered
 * the event. Each answers Connect's JSON, or throws {@link ConnectCallFailedException}.
 */
public interface ConnectCalls {

    /** For events that came with no Connect task (a local post): every call fails, saying so. */
    ConnectCalls NONE = new ConnectCalls() {
        @Override
        public String get(String path) throws ConnectCallFailedException {
            throw unavailable();
        }

        @Override
        public String approve(RequestId request, String templateId) throws ConnectCallFailedException {
            throw unavailable();
        }

        @Override
        public String fail(RequestId request, String reason) throws ConnectCallFailedException {
            throw unavailable();
        }

        @Override
        public String inquire(RequestId request) throws ConnectCallFailedException {
            throw unavailable();
        }

        private ConnectCallFailedException unavailable() {
            return new ConnectCallFailedException("no Connect task delivered this event: Connect cannot be called", 0);
        }
    };

    /** {@code GET /public/v1/{path}}; {@code path} is relative, e.g. {@code requests/PR-…}. */
    String get(String path) throws ConnectCallFailedException;

    /** Approves a request with an activation template. */
    String approve(RequestId request, String templateId) throws ConnectCallFailedException;

    /** Fails a request with a reason the customer sees. */
    String fail(RequestId request, String reason) throws ConnectCallFailedException;

    /** Asks the customer for more information. */
    String inquire(RequestId request) throws ConnectCallFailedException;
}
