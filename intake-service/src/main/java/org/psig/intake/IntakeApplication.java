package org.psig.intake;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The only door into the pipeline: accepts declarations over REST and writes them durably to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    /**
     * The three services can share one JVM in tests, so each reads its own {@code intake-service.yml}
     * rather than a common application.yml.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IntakeApplication.class).properties("spring.config.name=intake-service");
    }

    public static void main(String[] args) {
        AvroPackages.trust();
        application().run(args);
    }
}
