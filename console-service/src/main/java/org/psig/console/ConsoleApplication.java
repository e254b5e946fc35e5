package org.psig.console;

import org.psig.kafka.AvroPackages;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The CERT Santé analysts' console: verdicts and campaigns live, details, exports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** The services can share one JVM in tests, so each reads its own {@code console-service.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsoleApplication.class).properties("spring.config.name=console-service");
    }

    public static void main(String[] args) {
        AvroPackages.trust();
        application().run(args);
    }
}
