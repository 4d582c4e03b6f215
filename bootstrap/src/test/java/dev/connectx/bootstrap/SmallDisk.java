package dev.connectx.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs, mounted for one test and unmounted after it, to make a disk fill up for real. Needs root (the
 * test is skipped otherwise); {@link #fill()} takes all of its free space, {@link #free()} gives it back.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} under {@code parent}; empty when this machine does not let the test. */
    static java.util.Optional<SmallDisk> mount(Path parent, int megabytes) throws IOException, InterruptedException {
        Path mountPoint = Files.createDirectories(parent.resolve("small-disk"));
        if (run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()))
                != 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SmallDisk(mountPoint));
    }

    Path path() {
        return mountPoint;
    }

    /** Writes a filler file until the disk is full. */
    void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(mountPoint.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    /** Deletes the filler. */
    void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve("filler"));
    }

    @Override
    public void close() throws IOException {
        try {
            if (run(List.of("umount", "-l", mountPoint.toString())) != 0) {
                throw new IllegalStateException("could not unmount " + mountPoint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unmounting " + mountPoint, e);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
