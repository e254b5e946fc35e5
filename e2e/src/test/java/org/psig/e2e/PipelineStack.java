package org.psig.e2e;

import java.util.ArrayList;
import java.util.List;

import org.psig.intake.IntakeApplication;
import org.psig.kafka.AvroPackages;
import org.psig.notification.NotificationApplication;
import org.psig.triage.TriageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The three services, started in this JVM against a given broker and registry; closing stops them all. */
final class PipelineStack implements AutoCloseable {

    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final String bootstrapServers;
    private final String registryUrl;

    PipelineStack(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    PipelineStack start() {
        AvroPackages.trust();
        try {
            services.add(run(IntakeApplication.application(), "local"));
            services.add(run(TriageApplication.application(), "default"));
            services.add(run(NotificationApplication.application(), "default"));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String intakeUrl() {
        return "http://127.0.0.1:" + services.get(0).getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder service, String profile) {
        return service.profiles(profile).run(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.apicurio.registry.url=" + registryUrl + "/apis/registry/v2",
                "--server.port=0",
                "--server.address=127.0.0.1");
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
    }
}
