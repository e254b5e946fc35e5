package org.psig.triage;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Reads accepted reports, gives each a verdict and an ARS, publishes it on psig.incident.triaged. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    /**
     * The three services can share one JVM in tests, so each reads its own {@code triage-service.yml}
     * rather than a common application.yml.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(TriageApplication.class).properties("spring.config.name=triage-service");
    }

    public static void main(String[] args) {
        AvroPackages.trust();
        application().run(args);
    }
}
