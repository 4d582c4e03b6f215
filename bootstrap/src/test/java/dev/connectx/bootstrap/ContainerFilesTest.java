package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and docker-compose.yml stay valid where no Docker engine runs: parsed and checked here, and
 * given to {@code docker compose config} where that client exists.
 */
class ContainerFilesTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

    @Test
    void the_compose_file_runs_connectx_dev_from_the_connect_projects_env_file_with_an_optional_mongo() {
        Config compose = Config.just(ConfigSources.file(COMPOSE).build());
        Config connectx = compose.get("services.connectx_dev");

        assertEquals(".", connectx.get("build").asString().get());
        Config environment = compose.get("x-connectx-environment");
        assertEquals(
                "/data/api-token",
                environment
                        .get("environment.CONNECTX_API_TOKEN_FILE")
                        .asString()
                        .get(),
                "a token made in the volume when .env sets none");
        for (dev.connectx.bootstrap.config.SettingKey key : dev.connectx.bootstrap.config.SettingKey.values()) {
            for (String name : key.names()) {
                assertTrue(
                        environment.get("environment." + name).exists(),
                        name + " reaches the container (from the shell or an optional .env)");
            }
        }
        assertEquals(
                "127.0.0.1:${CONNECTX_PORT:-8080}:8080",
                connectx.get("ports").asList(String.class).get().get(0),
                "the host port is configurable");
        for (String tool : List.of("connectx_bash", "connectx_test")) {
            assertEquals(
                    List.of("tools"),
                    compose.get("services." + tool + ".profiles")
                            .asList(String.class)
                            .get(),
                    tool + " runs only when asked for");
        }
        assertEquals(
                "0.0.0.0",
                environment.get("environment.CONNECTX_HTTP_HOST").asString().get());
        assertTrue(
                connectx.get("ports").asList(String.class).get().stream()
                        .allMatch(port -> port.startsWith("127.0.0.1:")),
                "published on the host's loopback only");
        assertTrue(connectx.get("healthcheck.test").asList(String.class).get().contains("--check-health"));
        assertEquals(
                "/data",
                environment.get("environment.CONNECTX_DATA_DIR").asString().get());

        Config mongo = compose.get("services.mongo");
        assertEquals("mongo:8", mongo.get("image").asString().get());
        assertEquals(
                List.of("mongo"),
                mongo.get("profiles").asList(String.class).get(),
                "optional: only with --profile mongo");
        assertTrue(
                mongo.get("command").asList(String.class).get().contains("--replSet"),
                "a replica set, for majority writes");
    }

    @Test
    void the_env_example_holds_the_connect_cli_variables_and_copied_as_it_is_runs_local_mode() throws IOException {
        String env = Files.readString(ROOT.resolve(".env.example"));

        for (String name : List.of("API_KEY", "ENVIRONMENT_ID")) {
            assertTrue(Pattern.compile("(?m)^# " + name + "=").matcher(env).find(), name + ", commented out");
            assertTrue(
                    !Pattern.compile("(?m)^" + name + "=").matcher(env).find(), "no placeholder " + name + " in use");
        }
        assertTrue(Pattern.compile("(?m)^SERVER_ADDRESS=").matcher(env).find());
        assertTrue(
                Pattern.compile("(?m)^CONNECTX_API_TOKEN=$").matcher(env).find(),
                "left empty: connectx then makes one in /data/api-token");
    }

    @Test
    void the_dockerfile_builds_in_one_stage_and_runs_the_launcher_as_a_non_root_user_with_a_health_check()
            throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);

        List<String> stages = Pattern.compile("(?m)^FROM (\\S+)")
                .matcher(dockerfile)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertEquals(
                List.of("eclipse-temurin:25-jdk", "eclipse-temurin:25-jre"), stages, "build on a JDK, run on a JRE");
        assertTrue(dockerfile.contains("./mvnw "), "built with the wrapper");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertTrue(
                user.find() && !user.group(1).equals("root") && !user.group(1).equals("0"), "runs as a non-root user");
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("--check-health"));
        assertTrue(dockerfile.contains("ENTRYPOINT [\"/opt/connectx/bin/connectx\"]"), "the module-path launcher");
        assertTrue(dockerfile.contains(
                "COPY --from=build --chown=root:root /src/bootstrap/target/connectx /opt/connectx"));
        for (String copied : Pattern.compile("(?m)^COPY (?!--from)(\\S+) ")
                .matcher(dockerfile)
                .results()
                .map(m -> m.group(1))
                .toList()) {
            assertTrue(Files.exists(ROOT.resolve(copied)), "COPY source exists: " + copied);
        }
    }

    @Test
    void the_image_trains_its_own_aot_cache_with_the_builds_training_options() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        String pom = Files.readString(ROOT.resolve("bootstrap/pom.xml"));
        String training = pom.substring(pom.indexOf("<id>aot-training-run</id>"));
        List<String> options = Pattern.compile("<argument>([^<]*)</argument>")
                .matcher(training.substring(0, training.indexOf("</arguments>")))
                .results()
                .map(m -> m.group(1).replace("${project.build.directory}/connectx", "/opt/connectx"))
                .toList();

        // the launcher uses a cache only on the JVM that made it: the JRE of this stage, not the build stage's JDK
        assertTrue(finalStage.contains("java -XX:AOTCacheOutput=/opt/connectx/lib/connectx.aot"), finalStage);
        for (String option : options) {
            assertTrue(finalStage.contains(option), "the image's training run has the build's option " + option);
        }
        assertTrue(
                finalStage.indexOf("--aot-training") < finalStage.indexOf("\nUSER "),
                "trained before the user that cannot write lib/");
    }

    @Test
    void docker_compose_config_accepts_the_file_where_a_compose_client_exists() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(!compose.isEmpty(), "neither `docker compose` nor `docker-compose` is installed");
        // No .env is made for this: the file must stand without one (local mode); one a developer has is read too.
        List<String> command = new java.util.ArrayList<>(compose);
        command.addAll(
                List.of("-f", COMPOSE.toString(), "--profile", "mongo", "--profile", "tools", "config", "--quiet"));
        Process config = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());
        assertTrue(config.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, config.exitValue(), String.join(" ", command) + ": " + output);
    }

    /** {@code docker compose} (v2), else {@code docker-compose} (v1, Debian's package); empty when neither answers. */
    private static List<String> composeCommand() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new java.util.ArrayList<>(candidate);
            version.add("version");
            try {
                Process probe =
                        new ProcessBuilder(version).redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next
            }
        }
        return List.of();
    }
}
