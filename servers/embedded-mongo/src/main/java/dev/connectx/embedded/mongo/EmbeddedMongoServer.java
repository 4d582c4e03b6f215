package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A MongoDB-speaking server in this process, listening on a TCP port like any {@code mongod}.
 *
 * <p>{@link #startPersistent} keeps data in one H2 file under a directory and survives restarts;
 * {@link #startInMemory} forgets everything on close and suits tests.
 *
 * <p>A persistent server that can no longer write its file (the disk is full, the file was closed) says so in
 * {@link #failure()} and reopens the file every {@value #REOPEN_EVERY_SECONDS} s on the same port until it can; in
 * between, clients get errors or refused connections, never an acknowledgement of a write it did not keep. Every
 * write it acknowledged was committed to the file first, so reopening it finds them all.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** The file under the data directory that holds every database. */
    public static final String DATA_FILE = "connectx-mongo.mv.db";

    static final long REOPEN_EVERY_SECONDS = 2;

    private static final System.Logger LOG = System.getLogger(EmbeddedMongoServer.class.getName());

    private final Function<EmbeddedMongoServer, MongoBackend> backends;
    private final String storage;
    private final Object lock = new Object();
    private volatile MongoServer server;
    private volatile InetSocketAddress address;
    private volatile String failure;
    private volatile boolean closed;

    private EmbeddedMongoServer(Function<EmbeddedMongoServer, MongoBackend> backends, String storage) {
        this.backends = backends;
        this.storage = storage;
    }

    /**
     * Starts a server that keeps its data in {@value #DATA_FILE} under {@code dataDirectory}, creating it if needed.
     *
     * @param port the port to listen on, 0 for any free one
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedMongoServer startPersistent(String host, int port, Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        Path file = dataDirectory.resolve(DATA_FILE).toAbsolutePath();
        EmbeddedMongoServer server = new EmbeddedMongoServer(
                self -> new CommitEveryWriteH2Backend(file.toString(), self::storeClosed), "H2 file " + file);
        server.bind(host, port);
        return server;
    }

    /** Starts a server that keeps data in memory only. */
    public static EmbeddedMongoServer startInMemory(String host, int port) {
        EmbeddedMongoServer server = new EmbeddedMongoServer(self -> new SerializedWritesMemoryBackend(), "in memory");
        server.bind(host, port);
        return server;
    }

    private void bind(String host, int port) {
        MongoServer started = new MongoServer(backends.apply(this));
        try {
            started.bind(host, port);
        } catch (Exception e) { // Netty throws BindException undeclared
            started.shutdownNow();
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(host, port, e);
            }
            throw e instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("cannot listen on " + host + ":" + port, e);
        }
        server = started;
        address = started.getLocalAddress();
    }

    /** Called by the backend, once, when its store closed under it. */
    private void storeClosed(String cause) {
        synchronized (lock) {
            if (closed || failure != null) {
                return;
            }
            failure = "cannot write " + storage + ": " + cause;
        }
        LOG.log(
                Level.ERROR,
                "The embedded MongoDB {0}; reopening it every {1} s (writes are refused until then)",
                failure,
                REOPEN_EVERY_SECONDS);
        Thread.ofPlatform().daemon(true).name("connectx-embedded-mongo-reopen").start(this::reopenUntilItWorks);
    }

    private void reopenUntilItWorks() {
        boolean shutDown = false;
        long lastLogged = 0;
        while (!closed) {
            try {
                Thread.sleep(Duration.ofSeconds(REOPEN_EVERY_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (closed) {
                    return;
                }
                if (!shutDown) {
                    server.shutdownNow(); // closes the failed store and every client connection
                    shutDown = true;
                }
                try {
                    bind(address.getHostString(), address.getPort());
                    LOG.log(
                            Level.INFO,
                            "The embedded MongoDB reopened {0} and listens on {1}:{2,number,#} again",
                            storage,
                            address.getHostString(),
                            address.getPort());
                    failure = null;
                    return;
                } catch (RuntimeException e) {
                    failure = "cannot write " + storage + "; reopening failed: " + e.getMessage();
                    if (System.nanoTime() - lastLogged > Duration.ofSeconds(30).toNanos()) {
                        LOG.log(
                                Level.WARNING,
                                "The embedded MongoDB {0}; trying again every {1} s",
                                failure,
                                REOPEN_EVERY_SECONDS);
                        lastLogged = System.nanoTime();
                    }
                }
            }
        }
    }

    /** Why the server cannot keep writes now, while it reopens its file; empty when it can. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** A connection string for any MongoDB client, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Stops listening, closes open connections and, for a persistent server, writes and closes its file. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            server.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "embedded MongoDB-speaking server on " + address.getHostString() + ":" + address.getPort() + " ("
                + storage + ")";
    }

    /** The requested port is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String host, int port, Throwable cause) {
            super(host + ":" + port + " is already in use", cause);
        }
    }
}
