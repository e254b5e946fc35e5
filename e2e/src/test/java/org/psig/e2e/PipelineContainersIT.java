package org.psig.e2e;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.psig.testsupport.RegistryServer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same story on Kafka and Apicurio containers, for machines with Docker; skipped cleanly where
 * there is none (the scenario itself then runs in {@link PipelineEmbeddedIT}).
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainersIT extends PipelineStory {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("apicurio/apicurio-registry-mem:2.4.2.Final")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/health/ready").forStatusCode(200));

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8080);
    }

    @BeforeAll
    void configureTheRegistryAsTheLocalStackDoes() throws IOException {
        RegistryServer.requireBackwardCompatibility(registryUrl());
    }
}
