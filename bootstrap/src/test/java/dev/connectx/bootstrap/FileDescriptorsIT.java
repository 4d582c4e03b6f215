package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/connectx} under a small limit of open files, against a client that opens connections and sends nothing:
 * with the connection limit below the file limit, the server stays up and answers again once the client is gone;
 * with the limit above it, the listener dies of running out of descriptors and the process exits 3, so that a
 * supervisor restarts it, instead of living on deaf.
 */
class FileDescriptorsIT {

    @TempDir
    Path work;

    @Test
    void with_the_default_connection_limit_idle_connections_cannot_exhaust_the_descriptors() throws Exception {
        int port = LoopbackPorts.free();
        ConnectxProcess process = startUnderLimit(1024, port, Map.of(), "within-limit.log");
        try {
            List<Socket> idle = openIdle(port, 1100);
            System.out.printf("opened %d idle connections to a server limited to 256 at ulimit -n 1024%n", idle.size());
            Thread.sleep(3000);
            assertTrue(!process.awaitExit(Duration.ofMillis(10)), "still running:\n" + process.log());
            closeAll(idle);

            long started = System.nanoTime();
            assertEquals(200, awaitHealth(port, Duration.ofSeconds(20)), process.log());
            System.out.printf(
                    "healthy %d ms after the idle connections closed%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            process.terminate();
        }
    }

    @Test
    void a_listener_that_dies_of_too_many_open_files_ends_the_process_with_status_3() throws Exception {
        int port = LoopbackPorts.free();
        ConnectxProcess process =
                startUnderLimit(256, port, Map.of("CONNECTX_HTTP_MAX_CONNECTIONS", "5000"), "beyond-limit.log");
        List<Socket> idle = List.of();
        try {
            idle = openIdle(port, 400);
            long started = System.nanoTime();
            assertTrue(process.awaitExit(Duration.ofSeconds(30)), "ended by itself:\n" + process.log());
            System.out.printf(
                    "exited %d, %d ms after %d idle connections%n",
                    process.exitValue(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    idle.size());
            assertEquals(3, process.exitValue(), process.log());
            assertTrue(
                    process.log().contains("The HTTP listener on")
                            && process.log().contains("is gone"),
                    process.log());
        } finally {
            closeAll(idle);
            process.kill9();
        }
    }

    private ConnectxProcess startUnderLimit(int openFiles, int port, Map<String, String> extra, String logName)
            throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "CONNECTX_HTTP_PORT",
                String.valueOf(port),
                "CONNECTX_MONGO_EMBEDDED_PORT",
                String.valueOf(LoopbackPorts.free()),
                "CONNECTX_DATA_DIR",
                work.resolve("data").toString()));
        environment.putAll(extra);
        List<String> command = List.of(
                "sh",
                "-c",
                "ulimit -n " + openFiles + " && exec \"$0\"",
                ConnectxProcess.launcher().getFirst());
        return ConnectxProcess.startHealthy(work, command, environment, logName);
    }

    private static List<Socket> openIdle(int port, int count) {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                sockets.add(socket);
            } catch (IOException refusedOrFull) {
                closeQuietly(socket);
                break;
            }
        }
        return sockets;
    }

    private static int awaitHealth(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int status =
                        RawHttp.exchange(port, "GET", "/observe/health", null).status();
                if (status == 200) {
                    return status;
                }
            } catch (RuntimeException notYet) {
                // keep asking
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static void closeAll(List<Socket> sockets) {
        sockets.forEach(FileDescriptorsIT::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
