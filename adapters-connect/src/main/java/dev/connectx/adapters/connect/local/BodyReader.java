package dev.connectx.adapters.connect.local;

import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a request body up to a size limit and within a deadline: a client sending a byte at a time has its connection
 * closed once the deadline passes, rather than holding its turn for as long as it likes.
 */
final class BodyReader {

    private static final System.Logger LOG = System.getLogger(BodyReader.class.getName());

    private final int maxBytes;
    private final Duration deadline;

    BodyReader(int maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /**
     * The body as text, or empty when it is longer than the limit. A body late past the deadline has its reading thread
     * interrupted, which closes the connection.
     */
    Optional<String> read(ServerRequest request) {
        Thread reader = Thread.currentThread();
        Thread watch = Thread.ofVirtual().name("connectx-local-body-deadline").start(() -> {
            try {
                Thread.sleep(deadline);
                LOG.log(
                        Level.DEBUG,
                        "A local delivery''s body did not arrive within {0} s; closing its connection",
                        deadline.toSeconds());
                reader.interrupt();
            } catch (InterruptedException done) {
                // the body arrived in time
            }
        });
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watch.interrupt();
            Thread.interrupted(); // an interrupt that came just as the body ended must not reach the store call
        }
    }
}
