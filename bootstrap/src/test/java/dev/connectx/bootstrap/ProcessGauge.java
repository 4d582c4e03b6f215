package dev.connectx.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a process from outside while a test attacks it: its peak resident memory (the kernel's {@code VmHWM}), its
 * most threads ({@code Threads} in {@code /proc/<pid>/status}, sampled every 100 ms), and the slowest answer of
 * {@code /observe/health}, asked every 200 ms.
 */
final class ProcessGauge implements AutoCloseable {

    private final long pid;
    private final int httpPort;
    private final AtomicInteger mostThreads = new AtomicInteger();
    private final AtomicLong slowestHealthNanos = new AtomicLong();
    private final AtomicInteger healthAnswers = new AtomicInteger();
    private volatile boolean stopped;
    private final Thread threads;
    private final Thread health;

    ProcessGauge(long pid, int httpPort) {
        this.pid = pid;
        this.httpPort = httpPort;
        this.threads = Thread.ofPlatform().daemon(true).name("gauge-threads").start(this::sampleThreads);
        this.health = Thread.ofPlatform().daemon(true).name("gauge-health").start(this::askHealth);
    }

    private void sampleThreads() {
        while (!stopped) {
            mostThreads.accumulateAndGet((int) status("Threads:"), Math::max);
            pause(100);
        }
    }

    private void askHealth() {
        while (!stopped) {
            long started = System.nanoTime();
            int status = RawHttp.exchange(httpPort, "GET", "/observe/health", null).status();
            long took = System.nanoTime() - started;
            if (status != 200) {
                slowestHealthNanos.set(Long.MAX_VALUE); // an unhealthy answer counts as never
            }
            slowestHealthNanos.accumulateAndGet(took, Math::max);
            healthAnswers.incrementAndGet();
            pause(200);
        }
    }

    /** Peak resident memory since the process started, in MiB. */
    long peakRssMiB() {
        return status("VmHWM:") / 1024;
    }

    long rssMiB() {
        return status("VmRSS:") / 1024;
    }

    int mostThreads() {
        return mostThreads.get();
    }

    Duration slowestHealth() {
        return Duration.ofNanos(slowestHealthNanos.get());
    }

    int healthAnswers() {
        return healthAnswers.get();
    }

    /** A field of {@code /proc/<pid>/status}, as a number (kB for memory). */
    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            threads.join(2000);
            health.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
