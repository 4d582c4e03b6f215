package dev.connectx.bootstrap;

import dev.connectx.bootstrap.logging.ShutdownAwareLogManager;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import java.time.Duration;
import java.time.Instant;

/** Starts connectx with configuration from the environment over {@code application.yaml}; stops it on SIGTERM. */
public final class Main {

    /** The exit status when connectx cannot start as configured. */
    static final int EXIT_CANNOT_START = ExitStatus.CANNOT_START;

    /** Set when connectx ends the process itself, with a status of its own that the shutdown hook must keep. */
    private static volatile boolean exitRequested;

    private Main() {}

    public static void main(String[] args) throws java.io.IOException, InterruptedException {
        if (args.length == 1 && args[0].equals("--check-health")) {
            System.exit(HealthProbe.check(System.getenv().getOrDefault("CONNECTX_HTTP_PORT", "8080")));
        }
        if (args.length == 2 && args[0].equals("--aot-training")) {
            ShutdownAwareLogManager.install();
            LogConfig.configureRuntime();
            AotTraining.run(java.nio.file.Path.of(args[1]));
            return;
        }
        java.util.Optional<Integer> handled = CommandLine.handle(args, System.out, System.err);
        if (handled.isPresent()) {
            System.exit(handled.get());
        }
        ShutdownAwareLogManager.install();
        LogConfig.configureRuntime();
        ConnectxApp app;
        try {
            app = ConnectxApp.start(Config.create());
        } catch (StartupException e) {
            System.err.println("connectx cannot start: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            ShutdownAwareLogManager.resetAfterStop();
                            exitZeroAfterCleanStop();
                        },
                        "connectx-shutdown"));
        System.getLogger(Main.class.getName())
                .log(
                        System.Logger.Level.INFO,
                        "Started in {0,number,#} ms since the JVM started, on the {1}",
                        ProcessHandle.current()
                                .info()
                                .startInstant()
                                .map(start ->
                                        Duration.between(start, Instant.now()).toMillis())
                                .orElse(-1L),
                        Main.class.getModule().isNamed() ? "module path" : "class path");
        // Connect can end the process (shutdown, clean close, or unreachable); SIGTERM ends it through the hook.
        int status = app.exitStatus().join();
        exitRequested = true;
        System.exit(status);
    }

    /**
     * SIGTERM would end the JVM with 143 (128 + 15) however cleanly connectx stopped; once it has, the process ends
     * with 0 as the README promises. Not when connectx itself chose the status (it stands), nor when a flight
     * recording runs: its dump on exit is a hook of its own, which halting would cut short.
     */
    private static void exitZeroAfterCleanStop() {
        if (exitRequested) {
            return;
        }
        boolean recording = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:StartFlightRecording"));
        if (!recording) {
            Runtime.getRuntime().halt(ExitStatus.STOPPED);
        }
    }
}
