package dev.connectx.bootstrap;

import dev.connectx.testing.support.Pause;
import dev.connectx.testing.support.ProcStatus;
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
            Pause.millis(100);
        }
    }

    private void askHealth() {
        while (!stopped) {
            long started = System.nanoTime();
            int status =
                    RawHttp.exchange(httpPort, "GET", "/observe/health", null).status();
            long took = System.nanoTime() - started;
            if (status != 200) {
                slowestHealthNanos.set(Long.MAX_VALUE); // an unhealthy answer counts as never
            }
            slowestHealthNanos.accumulateAndGet(took, Math::max);
            healthAnswers.incrementAndGet();
            Pause.millis(200);
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

    /** A field of {@code /proc/<pid>/status}, as a number (kB for memory); 0 once the process is gone. */
    private long status(String field) {
        return ProcStatus.field(pid, field).orElse(0);
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
