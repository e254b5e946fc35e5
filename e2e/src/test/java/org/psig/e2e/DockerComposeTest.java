package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code docker-compose config} cannot check, since no Docker engine runs here: pinned images,
 * health checks, start order on health, and that the variables and jars it names are the real ones.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, Object> COMPOSE = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) COMPOSE.get("services")).get(name);
    }

    static Stream<String> services() {
        return Stream.of("kafka", "registry", "intake-service", "triage-service", "notification-service");
    }

    static Stream<String> pipelineServices() {
        return Stream.of("intake-service", "triage-service", "notification-service");
    }

    @ParameterizedTest
    @MethodSource("services")
    void shouldPinEveryImageTag(String name) {
        String image = (String) service(name).get("image");

        assertThat(image).matches("[a-z0-9./-]+:[0-9][\\w.-]*");
    }

    @ParameterizedTest
    @MethodSource("services")
    void shouldGiveEveryServiceAHealthCheck(String name) {
        assertThat(service(name)).containsKey("healthcheck");
    }

    @ParameterizedTest
    @MethodSource("pipelineServices")
    @SuppressWarnings("unchecked")
    void shouldStartAServiceOnlyOnceKafkaAndTheRegistryAreHealthy(String name) {
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(name).get("depends_on");

        assertThat(dependsOn).containsOnlyKeys("kafka", "registry");
        assertThat(dependsOn.values()).allSatisfy(d -> assertThat(d).containsEntry("condition", "service_healthy"));
    }

    @ParameterizedTest
    @MethodSource("pipelineServices")
    @SuppressWarnings("unchecked")
    void shouldSetOnlyVariablesTheServiceReads(String name) throws IOException {
        String config = Files.readString(ROOT.resolve(name + "/src/main/resources/" + name + ".yml"))
                + Files.readString(ROOT.resolve("kafka-support/src/main/resources/psig-kafka.yml"));
        Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");

        assertThat(environment.keySet()).allSatisfy(variable -> assertThat(
                variable.equals("SPRING_PROFILES_ACTIVE") || config.contains("${" + variable + ":"))
                .as("%s reads %s", name, variable).isTrue());
    }

    @ParameterizedTest
    @MethodSource("pipelineServices")
    @SuppressWarnings("unchecked")
    void shouldMountTheJarTheBuildProduces(String name) {
        List<String> volumes = (List<String>) service(name).get("volumes");

        assertThat(volumes).singleElement().asString()
                .startsWith("./" + name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCheckIntakeHealthOnItsManagementPort() {
        Map<String, Object> healthcheck = (Map<String, Object>) service("intake-service").get("healthcheck");

        assertThat(healthcheck.get("test").toString()).contains("localhost:8090/actuator/health/readiness");
        assertThat((Map<String, Object>) service("intake-service").get("environment"))
                .containsEntry("INTAKE_MANAGEMENT_PORT", 8090);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveIntakeTheProfileWithTheDemoKey() {
        assertThat((Map<String, Object>) service("intake-service").get("environment"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local");
    }
}
