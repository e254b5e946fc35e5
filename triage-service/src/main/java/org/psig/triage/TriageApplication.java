package org.psig.triage;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Reads accepted reports, gives each a verdict and an ARS, publishes it on psig.incident.triaged. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    public static void main(String[] args) {
        AvroPackages.trust();
        SpringApplication.run(TriageApplication.class, args);
    }
}
