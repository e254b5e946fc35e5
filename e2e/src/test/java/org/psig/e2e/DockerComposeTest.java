package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final Map<String, Object> COMPOSE = load("docker-compose.yml");
    private static final Map<String, Object> SECURE = load("docker-compose.secure.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> secure(String name) {
        return (Map<String, Object>) ((Map<String, Object>) SECURE.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) COMPOSE.get("services")).get(name);
    }

    static Stream<String> services() {
        return Stream.of("kafka", "registry-db", "registry", "intake-service", "triage-service", "notification-service",
                "correlation-service", "console-service", "prometheus", "grafana");
    }

    /** Every container, long-running or one-shot: each runs a pinned image. */
    static Stream<String> containers() {
        return Stream.concat(services(), Stream.of("schemas"));
    }

    static Stream<String> pipelineServices() {
        return Stream.of("intake-service", "triage-service", "notification-service", "correlation-service", "console-service");
    }

    @ParameterizedTest
    @MethodSource("containers")
    void shouldPinEveryImageTag(String name) {
        String image = (String) service(name).get("image");

        assertThat(image).matches("[a-z0-9./-]+:v?[0-9][\\w.-]*");
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

        assertThat(dependsOn).containsOnlyKeys("kafka", "registry", "schemas");
        assertThat(dependsOn.get("kafka")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("registry")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("schemas")).containsEntry("condition", "service_completed_successfully");
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
    void shouldRunTheImageJibBuildsWithTheSharedJvmSettings(String name) throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));

        assertThat(parent).contains("<image>psig/${project.artifactId}:${project.version}</image>",
                "<jvmFlag>@/app/jvm/service.args</jvmFlag>", "<into>/app/jvm</into>", "<includes>service.args</includes>");
        assertThat(service(name).get("image")).isEqualTo("psig/" + name + ":0.1.0-SNAPSHOT");
        assertThat(service(name)).doesNotContainKey("command");
        List<String> volumes = (List<String>) service(name).getOrDefault("volumes", List.of());
        assertThat(volumes).as("no jar mounted: the image holds it")
                .isEqualTo(name.equals("intake-service") ? List.of("intake-snapshots:/var/lib/psig/intake-snapshots") : List.of());
        assertThat(ROOT.resolve("jvm/service.args")).as("the settings ./psig up and the tests use too").isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRegisterTheSchemasBeforeTheServicesOnARegistryThatKeepsThemWithBackwardCompatibility() {
        assertThat(service("schemas").get("image")).isEqualTo("psig/devstack:0.1.0-SNAPSHOT");
        assertThat((Map<String, Object>) service("schemas").get("environment"))
                .containsEntry("PSIG_REGISTRY_URL", "http://registry:8080");
        Map<String, Object> registry = (Map<String, Object>) service("registry").get("environment");
        assertThat(registry).containsEntry("REGISTRY_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
                .containsEntry("REGISTRY_DATASOURCE_URL", "jdbc:postgresql://registry-db:5432/registry");
        assertThat((String) service("registry").get("image")).startsWith("apicurio/apicurio-registry-sql:");
        assertThat((List<String>) service("registry-db").get("volumes")).contains("registry-db:/var/lib/postgresql/data");
        assertThat((Map<String, Object>) COMPOSE.get("volumes")).containsKey("registry-db");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunPrometheusOnTheFilesOfPsigUpMonitoringWithTargetsOnTheServicesManagementPorts() throws IOException {
        assertThat((List<String>) service("prometheus").get("volumes")).contains(
                "./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./monitoring/rules:/etc/prometheus/rules:ro",
                "./monitoring/compose-targets:/etc/prometheus/targets:ro");
        String targets = Files.readString(ROOT.resolve("monitoring/compose-targets/services.json"));
        assertThat(targets).contains("\"intake-service:8090\"", "\"triage-service:8082\"", "\"notification-service:8083\"",
                "\"correlation-service:8084\"", "\"console-service:8085\"");
        assertThat((Map<String, Object>) service("triage-service").get("environment")).containsEntry("TRIAGE_PORT", 8082);
        assertThat((Map<String, Object>) service("console-service").get("environment")).containsEntry("CONSOLE_PORT", 8085);
        assertThat((Map<String, Object>) service("notification-service").get("environment"))
                .containsEntry("NOTIFICATION_PORT", 8083);
        assertThat(Files.readString(ROOT.resolve("monitoring/compose-targets/kafka.json"))).contains("\"kafka:9404\"");
        assertThat((String) ((Map<String, Object>) service("kafka").get("environment")).get("KAFKA_OPTS"))
                .contains("jmx_prometheus_javaagent.jar=9404:/opt/psig/jmx-exporter.yml");
        assertThat((List<String>) service("kafka").get("volumes"))
                .contains("./monitoring/jmx-exporter.yml:/opt/psig/jmx-exporter.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldProvisionGrafanaWithTheDashboardAndAPrometheusDataSourceOfTheUidItUses() throws IOException {
        assertThat((List<String>) service("grafana").get("volumes")).contains(
                "./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(Files.readString(ROOT.resolve("monitoring/grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: psig-prometheus", "url: http://prometheus:9090");
        assertThat(Files.readString(ROOT.resolve("monitoring/grafana/provisioning/dashboards/psig.yml")))
                .contains("path: /var/lib/grafana/dashboards");
        String dashboard = Files.readString(ROOT.resolve("monitoring/grafana/dashboards/psig-pipeline.json"));
        assertThat(dashboard).contains("\"uid\": \"psig-prometheus\"").doesNotContain("${DS_");
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

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheSecureBrokerWithTheStandardAuthorizerAndNoDefaultAccess() {
        Map<String, Object> environment = (Map<String, Object>) secure("kafka").get("environment");

        assertThat(environment)
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin");
        assertThat((String) environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .doesNotContain(":PLAINTEXT").contains("INTERNAL:SASL_PLAINTEXT", "EXTERNAL:SASL_PLAINTEXT");
        assertThat(secure("kafka").get("healthcheck").toString()).contains("--command-config /etc/psig/admin.properties");
    }

    @ParameterizedTest
    @MethodSource("pipelineServices")
    @SuppressWarnings("unchecked")
    void shouldGiveEverySecureServiceItsOwnCredentialsAndTheAclsFirst(String name) {
        assertThat(secure(name)).containsEntry("env_file", ".psig/compose/" + name + ".env");
        assertThat((Map<String, Object>) secure(name).get("depends_on"))
                .containsEntry("acls", Map.of("condition", "service_completed_successfully"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCreateTheAclsWithTheDevstackImageOnItsJibClasspath() {
        Map<String, Object> acls = secure("acls");

        assertThat(acls.get("image")).isEqualTo("psig/devstack:0.1.0-SNAPSHOT");
        assertThat((List<String>) acls.get("entrypoint")).containsSubsequence("-cp", "@/app/jib-classpath-file",
                "org.psig.devstack.Secure", "apply-acls");
        assertThat((List<String>) acls.get("volumes")).containsExactly("./.psig/compose:/etc/psig:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepTheBrokerMetricsAgentOnTheSecureBroker() {
        String options = (String) ((Map<String, Object>) secure("kafka").get("environment")).get("KAFKA_OPTS");

        assertThat(options).contains("-Djava.security.auth.login.config=/etc/psig/kafka_server_jaas.conf",
                "-javaagent:/opt/psig/jmx_prometheus_javaagent.jar=9404:/opt/psig/jmx-exporter.yml");
    }
}
