package org.psig.correlation;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Finds campaigns among triaged incidents, live, and pages CERT Santé and the HFDS once per step. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CorrelationApplication {

    /** The services can share one JVM in tests, so each reads its own {@code correlation-service.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CorrelationApplication.class).properties("spring.config.name=correlation-service");
    }

    public static void main(String[] args) {
        AvroPackages.trust();
        application().run(args);
    }
}
