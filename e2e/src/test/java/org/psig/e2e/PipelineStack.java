package org.psig.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.intake.IntakeApplication;
import org.apache.kafka.streams.KafkaStreams;
import org.psig.kafka.AvroPackages;
import org.psig.notification.NotificationApplication;
import org.psig.schemas.Topics;
import org.psig.triage.TriageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The three services, started in this JVM against a given broker and registry; closing stops them all. */
final class PipelineStack implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    /** Instances added per service, so that each gets a name of its own: triage-2, triage-3. */
    private final Map<String, Integer> added = new HashMap<>();
    private final String bootstrapServers;
    private final String registryUrl;

    PipelineStack(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    PipelineStack start() {
        AvroPackages.trust();
        try {
            for (String service : List.of("intake", "triage", "notification")) {
                services.put(service, run(service));
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String intakeUrl() {
        return "http://127.0.0.1:" + services.get("intake").getEnvironment().getProperty("local.server.port");
    }

    /** Posts a report to the intake with the local demo key, and returns its answer. */
    HttpResponse<String> postReport(String report) {
        return post("/api/v1/incident-reports", report);
    }

    /** Posts a revision of an incident's report (a follow-up or the closure) with the local demo key. */
    HttpResponse<String> postUpdate(String incidentId, String update) {
        return post("/api/v1/incident-reports/" + incidentId + "/updates", update);
    }

    private HttpResponse<String> post(String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(intakeUrl() + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer local-demo-key")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Actuator of the intake: on its own port, off the public API. */
    String intakeManagementUrl() {
        return "http://127.0.0.1:" + services.get("intake").getEnvironment().getProperty("local.management.port");
    }

    /** Starts one more intake instance, stopped with the stack; returns its API's address. */
    String addIntake() {
        return "http://127.0.0.1:" + services.get(addInstance("intake")).getEnvironment().getProperty("local.server.port");
    }

    /** The metrics of a running service's current instance. */
    MeterRegistry meters(String service) {
        return services.get(service).getBean(MeterRegistry.class);
    }

    /** Pauses a service's processing, as a slow instance would fall behind. */
    void pause(String service) {
        streams(service).pause();
    }

    /** Starts one more instance of a service (in the same group); returns its name for {@link #stop}. */
    String addInstance(String service) {
        String name = service + "-" + (added.merge(service, 1, Integer::sum) + 1);
        services.put(name, run(service));
        return name;
    }

    /** Stops an instance as an orchestrator scaling in would (SIGTERM: its group rebalances). */
    void stop(String instance) {
        services.remove(instance).close();
    }

    /** The partitions of its input an instance's stream threads process now (its active tasks'). */
    int assignedPartitions(String instance, String service) {
        String input = service.equals("triage") ? Topics.INCIDENT_REPORTED : Topics.INCIDENT_TRIAGED;
        return (int) streams(instance).metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(input)).count();
    }

    private KafkaStreams streams(String instance) {
        return services.get(instance).getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    }

    /** Stops a service as an orchestrator would (SIGTERM: in-flight work finishes) and starts a new instance. */
    void restart(String service) {
        services.remove(service).close();
        services.put(service, run(service));
    }

    private ConfigurableApplicationContext run(String service) {
        SpringApplicationBuilder application = switch (service) {
            case "intake" -> IntakeApplication.application().profiles("local");
            case "triage" -> TriageApplication.application();
            case "notification" -> NotificationApplication.application();
            default -> throw new IllegalArgumentException("No service " + service);
        };
        return application.run(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.apicurio.registry.url=" + registryUrl + "/apis/registry/v2",
                "--server.port=0",
                "--management.server.port=0",
                "--server.address=127.0.0.1");
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(services.values());
        services.clear();
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
