package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's chromium, headless, started as the machine notes prescribe; for tests of pages in a real browser. */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    public static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Loads {@code url}, lets its scripts run for up to 10 s of virtual time, and returns the DOM then. */
    public static String renderedDom(Path work, String url) throws IOException, InterruptedException {
        return run(work, List.of("--virtual-time-budget=10000", "--dump-dom", url));
    }

    /** Loads {@code url} in a window {@code width} x {@code height} and saves a PNG of it to {@code png}. */
    public static void screenshot(Path work, String url, int width, int height, Path png)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(
                work,
                List.of(
                        "--virtual-time-budget=3000",
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + png.toAbsolutePath(),
                        url));
    }

    private static String run(Path work, List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium");
        List<String> command = new java.util.ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process chromium = new ProcessBuilder(command)
                .redirectError(work.resolve("chromium.log").toFile())
                .start();
        byte[] out = chromium.getInputStream().readAllBytes();
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        return new String(out, StandardCharsets.UTF_8);
    }
}
