package dev.connectx.benchmark;

import java.util.concurrent.atomic.AtomicInteger;

/** A progress line on standard error, rewritten about twice a second while a run goes on. */
final class Progress implements AutoCloseable {

    private final String what;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private final Thread printer;

    Progress(String what, int total) {
        this.what = what;
        this.total = total;
        this.printer = Thread.ofPlatform().daemon().name("bench-progress").start(this::print);
    }

    void step() {
        done.incrementAndGet();
    }

    private void print() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                line();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void line() {
        double seconds = (System.nanoTime() - started) / 1e9;
        int count = done.get();
        System.err.printf(
                "\r  %-28s %,9d / %,d  %,8.0f events/s  %5.1f s ",
                what, count, total, count / Math.max(seconds, 1e-9), seconds);
    }

    @Override
    public void close() {
        printer.interrupt();
        line();
        System.err.println();
    }
}
