package org.psig.intake;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The only door into the pipeline: accepts declarations over REST and writes them durably to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static void main(String[] args) {
        AvroPackages.trust();
        SpringApplication.run(IntakeApplication.class, args);
    }
}
