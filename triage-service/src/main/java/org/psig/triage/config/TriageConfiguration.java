package org.psig.triage.config;

import org.psig.kafka.DeadLetters;
import org.psig.kafka.IncidentMemory;
import org.psig.kafka.TopicProperties;
import org.psig.schemas.Topics;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.TriagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The topics triage writes, and its plain-Java policy as a bean with its configured parameters. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    TriagePolicy triagePolicy(TriageProperties properties) {
        return new TriagePolicy(ArsDirectory.fromClasspath(), properties.parameters());
    }

    /** Every incident already triaged, with the fingerprint of its report's content. */
    @Bean
    IncidentMemory seenIncidents(KafkaAdmin kafkaAdmin, KafkaTemplate<Object, Object> template) {
        return new IncidentMemory(Topics.TRIAGE_SEEN_INCIDENTS, kafkaAdmin, template);
    }

    @Bean
    KafkaAdmin.NewTopics triageTopics(TopicProperties topics, IncidentMemory seenIncidents) {
        return new KafkaAdmin.NewTopics(
                topics.newTopic(Topics.INCIDENT_TRIAGED),
                topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_REPORTED)),
                seenIncidents.newTopic(topics));
    }
}
