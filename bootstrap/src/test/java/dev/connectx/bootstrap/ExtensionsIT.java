package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.RequestAction;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extensions in the built distribution, run as users run it ({@code bin/connectx}, the module path), as a
 * Connect extension: the module layer, the handlers' settings and their Connect calls in a real process.
 */
class ExtensionsIT {

    private static final String KEY = "ApiKey SU-555-666-777:extensions-it-secret";
    private static final String REQUEST = "PR-7100-0000-0001-001";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void the_launcher_loads_the_samples_and_approves_a_pending_purchase_once_across_a_restart() throws Exception {
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0);
                WebhookReceiver webhook = new WebhookReceiver()) {
            connect.putRequest(PurchaseRequestJson.of(
                    REQUEST, "pending", "2026-11-30T10:00:00+00:00", "AS-7100-0000-0001", "PRD-1"));
            Map<String, String> environment =
                    new java.util.HashMap<>(local(SampleExtensions.APPROVE, SampleExtensions.WEBHOOK));
            environment.putAll(TestConfig.connectTo(connect, KEY, "ENV-1234-5678-01"));
            environment =
                    TestConfig.with(environment, "APPROVE_TEMPLATE_ID", "TL-555-000-111", "WEBHOOK_URL", webhook.url());

            for (String run : List.of("first", "second")) {
                ConnectxProcess process =
                        ConnectxProcess.start(work, ConnectxProcess.launcher(), environment, run + ".log");
                try {
                    connect.awaitHandshakes(run.equals("first") ? 1 : 2, WAIT);
                    assertEquals(
                            "success",
                            connect.awaitResult(connect.deliver(REQUEST), WAIT).result(),
                            process.log());
                    assertEquals(0, process.terminate());
                } finally {
                    process.kill9();
                }
                String log = process.log();
                assertTrue(log.contains("Handler approve-pending from module com.example.connectx.approve"), log);
                assertTrue(
                        log.contains("approved " + REQUEST + " with template TL-555-000-111") || run.equals("second"),
                        log);
                assertTrue(!log.contains("extensions-it-secret"), "the key is never logged");
            }

            assertEquals(
                    List.of(new RequestAction(REQUEST, "approve", "{\"template_id\":\"TL-555-000-111\"}")),
                    connect.requestActions());
            assertEquals(2, webhook.lines().size(), webhook.lines().toString());
        }
    }

    @Test
    void on_the_class_path_extensions_stop_the_start_saying_to_use_the_launcher() throws Exception {
        Path jar;
        try (var matches = java.nio.file.Files.newDirectoryStream(
                ConnectxProcess.DISTRIBUTION.resolve("lib"), "bootstrap-*.jar")) {
            jar = matches.iterator().next();
        }
        Map<String, String> environment = local(SampleExtensions.WEBHOOK);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        ConnectxProcess process = ConnectxProcess.start(
                work, List.of(java, "-jar", jar.toAbsolutePath().toString()), environment, "classpath.log");
        try {
            assertTrue(process.awaitExit(WAIT), "connectx did not start");
            assertEquals(ExitStatus.CANNOT_START, process.exitValue());
        } finally {
            process.kill9();
        }
        assertTrue(process.log().contains("extensions need connectx on the module path"), process.log());
    }

    /** Local mode on free ports, data in the work directory, the named samples in the extensions directory. */
    private Map<String, String> local(String... samples) {
        return Map.of(
                "CONNECTX_HTTP_PORT",
                String.valueOf(LoopbackPorts.free()),
                "CONNECTX_MONGO_EMBEDDED_PORT",
                String.valueOf(LoopbackPorts.free()),
                "CONNECTX_DATA_DIR",
                work.resolve("data").toString(),
                "CONNECTX_EXTENSIONS_DIR",
                SampleExtensions.directory(work, samples).toString());
    }
}
