package org.psig.notification;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tells the ARS concerned (or CERT Santé, when none) and the HFDS of every triaged incident. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    /**
     * The three services can share one JVM in tests, so each reads its own {@code notification-service.yml}
     * rather than a common application.yml.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(NotificationApplication.class).properties("spring.config.name=notification-service");
    }

    public static void main(String[] args) {
        AvroPackages.trust();
        application().run(args);
    }
}
