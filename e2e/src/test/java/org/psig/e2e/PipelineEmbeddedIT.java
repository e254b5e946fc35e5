package org.psig.e2e;

import org.psig.testsupport.RegistryServer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The story on the real KRaft broker of spring-kafka-test and the real Apicurio registry. */
class PipelineEmbeddedIT extends PipelineStory {

    @Override
    String bootstrapServers() {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        if (brokers == null) {
            throw new IllegalStateException("The global embedded broker is not running; see junit-platform.properties");
        }
        return brokers;
    }

    @Override
    String registryUrl() {
        return RegistryServer.shared().url();
    }
}
