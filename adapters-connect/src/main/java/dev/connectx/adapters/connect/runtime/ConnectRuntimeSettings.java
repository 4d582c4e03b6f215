package dev.connectx.adapters.connect.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How to reach Connect, with the Python runner's defaults.
 *
 * @param webSocketBase scheme, host and port of the DevOps WebSocket ({@code SERVER_ADDRESS}; {@code wss://} unless
 *     the address names a scheme, e.g. {@code ws://127.0.0.1:9000})
 * @param apiBase the REST API up to {@code /public/v1} ({@code API_ADDRESS}; {@code https://} unless it names a scheme)
 * @param apiKey the Connect token ({@code API_KEY}), sent as-is as {@code Authorization}; never printed
 * @param environmentId the DevOps environment ({@code ENVIRONMENT_ID})
 * @param instanceId this runner's id ({@code INSTANCE_ID}; generated when unset, stable for the process)
 * @param backgroundTaskTimeout the most one background task may take ({@code BACKGROUND_TASK_MAX_EXECUTION_TIME})
 * @param maxTasks how many tasks run at once; further ones wait their turn (their time counts from their start)
 * @param timings connection timings; {@link Timings#PYTHON_RUNNER} outside tests
 */
public record ConnectRuntimeSettings(
        URI webSocketBase,
        URI apiBase,
        String apiKey,
        String environmentId,
        String instanceId,
        Duration backgroundTaskTimeout,
        int maxTasks,
        Timings timings) {

    public static final String DEFAULT_SERVER_ADDRESS = "api.cnct.info";
    public static final Duration DEFAULT_BACKGROUND_TASK_TIMEOUT = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_TASKS = 64;

    public ConnectRuntimeSettings {
        Objects.requireNonNull(webSocketBase, "webSocketBase");
        Objects.requireNonNull(apiBase, "apiBase");
        component("apiKey", () -> requireApiKey(apiKey));
        component("environmentId", () -> requireEnvironmentId(environmentId));
        component("instanceId", () -> requireInstanceId(instanceId));
        Objects.requireNonNull(backgroundTaskTimeout, "backgroundTaskTimeout");
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1");
        }
        Objects.requireNonNull(timings, "timings");
    }

    private static void component(String name, Supplier<String> check) {
        try {
            check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the token is empty */
    public static String requireApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return apiKey;
    }

    /** @throws IllegalArgumentException when it is not shaped like a Connect environment id */
    public static String requireEnvironmentId(String environmentId) {
        if (environmentId == null || !environmentId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("must be a Connect environment id such as ENV-1234-5678-01");
        }
        return environmentId;
    }

    /** @throws IllegalArgumentException when it could not go into the WebSocket URL's path as it is */
    public static String requireInstanceId(String instanceId) {
        if (instanceId == null || !instanceId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("must be letters, digits, '.', '_' or '-', at most 128");
        }
        return instanceId;
    }

    /** The WebSocket base of {@code SERVER_ADDRESS}: {@code wss://} unless the address names a scheme. */
    public static URI webSocketBase(String serverAddress) {
        return withScheme(serverAddress, "wss");
    }

    /** The REST base of {@code API_ADDRESS}, up to {@code /public/v1}: {@code https://} unless it names a scheme. */
    public static URI apiBase(String apiAddress) {
        return URI.create(withScheme(
                                apiAddress
                                        .strip()
                                        .replaceFirst("^ws://", "http://")
                                        .replaceFirst("^wss://", "https://"),
                                "https")
                        .toString()
                        .replaceAll("/+$", "")
                + "/public/v1");
    }

    /**
     * Settings from the Python runner's variables.
     *
     * @param serverAddress {@code SERVER_ADDRESS}, or null for {@value #DEFAULT_SERVER_ADDRESS}
     * @param apiAddress {@code API_ADDRESS}, or null for the server address
     * @param instanceId {@code INSTANCE_ID}, or null for a generated one
     */
    public static ConnectRuntimeSettings of(
            String serverAddress,
            String apiAddress,
            String apiKey,
            String environmentId,
            String instanceId,
            Duration backgroundTaskTimeout) {
        String server = serverAddress == null ? DEFAULT_SERVER_ADDRESS : serverAddress;
        String api = apiAddress == null ? server : apiAddress;
        return new ConnectRuntimeSettings(
                webSocketBase(server),
                apiBase(api),
                apiKey,
                environmentId,
                instanceId == null ? UUID.randomUUID().toString() : instanceId,
                backgroundTaskTimeout,
                DEFAULT_MAX_TASKS,
                Timings.PYTHON_RUNNER);
    }

    public ConnectRuntimeSettings withTimings(Timings value) {
        return new ConnectRuntimeSettings(
                webSocketBase, apiBase, apiKey, environmentId, instanceId, backgroundTaskTimeout, maxTasks, value);
    }

    public ConnectRuntimeSettings withMaxTasks(int value) {
        return new ConnectRuntimeSettings(
                webSocketBase, apiBase, apiKey, environmentId, instanceId, backgroundTaskTimeout, value, timings);
    }

    /** The WebSocket URL of the background events worker (§1.3). */
    URI backgroundWorkerUri(int runningTasks) {
        return URI.create(webSocketBase.toString().replaceAll("/+$", "") + "/public/v1/devops/ws/" + environmentId + "/"
                + instanceId + "?running_tasks=" + runningTasks + "&running_scheduled_tasks=0&runner_type=background");
    }

    private static URI withScheme(String address, String defaultScheme) {
        String value = address.strip();
        if (!value.contains("://")) {
            value = defaultScheme + "://" + value;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + address + "' names no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not a host or URL: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ConnectRuntimeSettings[webSocketBase=" + webSocketBase + ", apiBase=" + apiBase
                + ", apiKey=****, environmentId=" + environmentId + ", instanceId=" + instanceId
                + ", backgroundTaskTimeout=" + backgroundTaskTimeout + ", maxTasks=" + maxTasks + "]";
    }

    /**
     * The connection timings (§1.4–1.7). Tests shorten them; everyone else uses {@link #PYTHON_RUNNER}.
     *
     * @param handshakeTimeout for the pong and the first message after {@code setup_request} (5 s)
     * @param reconnectDelay the pause after an abnormal close before reconnecting (5 s)
     * @param pingInterval how often to ping, and how long to wait for the pong (60 s)
     * @param maxBackoff the longest wait between connect attempts (300 s)
     * @param communicationBudget how long to keep trying after failures other than maintenance (15 min)
     * @param maintenanceBudget how long to keep trying while Connect answers 502 (3 h)
     * @param drainTimeout how long a stop waits for running tasks and their results
     */
    public record Timings(
            Duration handshakeTimeout,
            Duration reconnectDelay,
            Duration pingInterval,
            Duration maxBackoff,
            Duration communicationBudget,
            Duration maintenanceBudget,
            Duration drainTimeout) {

        public static final Timings PYTHON_RUNNER = new Timings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                Duration.ofSeconds(300),
                Duration.ofMinutes(15),
                Duration.ofHours(3),
                Duration.ofSeconds(30));
    }
}
