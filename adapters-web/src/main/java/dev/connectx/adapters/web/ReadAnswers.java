package dev.connectx.adapters.web;

import dev.connectx.application.port.in.EventsUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;

/** How the read API answers: JSON, never cached, and every failure of a handler turned into its status. */
final class ReadAnswers {

    private static final System.Logger LOG = System.getLogger(ReadApiService.class.getName());

    private ReadAnswers() {}

    /**
     * Runs a handler, turning bad parameters into 400, an unreachable store into 503 and too many readers into 503.
     * Once a streamed page has begun its status is sent; a failure then cuts the answer short.
     */
    static void answer(ServerResponse response, Runnable handler) {
        try {
            handler.run();
        } catch (BadParameterException e) {
            send(response, Status.BAD_REQUEST_400, EventJson.error(e.getMessage()));
        } catch (Busy e) {
            response.header(HeaderNames.RETRY_AFTER, "1");
            send(
                    response,
                    Status.SERVICE_UNAVAILABLE_503,
                    EventJson.error("too many pages of events are being read at once; try again"));
        } catch (EventsUnavailableException e) {
            LOG.log(Level.WARNING, "A read could not reach the store: {0}", e.getMessage());
            if (!response.isSent()) {
                send(
                        response,
                        Status.SERVICE_UNAVAILABLE_503,
                        EventJson.error("the store is unavailable: " + e.getMessage()));
            }
        } catch (ServerConnectionException e) {
            // The reader closed its connection (or stopped reading) during the answer: the caller's doing, nothing
            // to fix and no one to answer; at WARNING, any client could fill the log with it.
            LOG.log(Level.DEBUG, "A reader went away during its answer: {0}", e.toString());
        } catch (RuntimeException e) {
            // A defect, not the caller's doing: one line per request at WARNING, the trace only at DEBUG.
            LOG.log(Level.WARNING, "A read failed: {0}", e.toString());
            LOG.log(Level.DEBUG, "A read failed", e);
            if (!response.isSent()) {
                try {
                    send(
                            response,
                            Status.INTERNAL_SERVER_ERROR_500,
                            EventJson.error("the read failed; the log says why"));
                } catch (IllegalStateException streaming) {
                    // a streamed page had begun: its status is out, the cut-short answer says the rest
                }
            }
        }
    }

    static void send(ServerResponse response, Status status, String json) {
        response.status(status)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(json);
    }

    /** Every turn to read a page is taken. */
    static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }
}
