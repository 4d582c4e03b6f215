package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A MongoDB-speaking server in this process, listening on a TCP port like any {@code mongod}.
 *
 * <p>{@link #startPersistent} keeps data in one H2 file under a directory and survives restarts;
 * {@link #startInMemory} forgets everything on close and suits tests.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** The file under the data directory that holds every database. */
    public static final String DATA_FILE = "connectx-mongo.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    /**
     * Starts a server that keeps its data in {@value #DATA_FILE} under {@code dataDirectory}, creating it if needed.
     *
     * @param port the port to listen on, 0 for any free port
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
        return start(new CommitEveryWriteH2Backend(file.toString()), host, port, "H2 file " + file);
    }

    /** Starts a server that keeps data in memory only. */
    public static EmbeddedMongoServer startInMemory(String host, int port) {
        return start(new SerializedWritesMemoryBackend(), host, port, "in memory");
    }

    private static EmbeddedMongoServer start(MongoBackend backend, String host, int port, String storage) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (Exception e) { // Netty throws BindException undeclared
            server.shutdownNow();
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(host, port, e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("cannot listen on " + host + ":" + port, e);
        }
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongoServer(server, address, "embedded MongoDB-speaking server on "
                + address.getHostString() + ":" + address.getPort() + " (" + storage + ")");
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
        server.shutdownNow();
    }

    @Override
    public String toString() {
        return description;
    }

    /** The requested port is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String host, int port, Throwable cause) {
            super(host + ":" + port + " is already in use", cause);
        }
    }
}
