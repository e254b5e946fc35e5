package org.psig.triage.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.psig.kafka.DeadLetters;
import org.psig.kafka.TopicProperties;
import org.psig.schemas.Topics;
import org.psig.triage.flow.SeenIncidents;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.TriagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics triage writes, and its plain-Java policy as a bean with its configured parameters. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    TriagePolicy triagePolicy(TriageProperties properties) {
        return new TriagePolicy(ArsDirectory.fromClasspath(), properties.parameters());
    }

    @Bean
    KafkaAdmin.NewTopics triageTopics(TopicProperties topics) {
        NewTopic seen = topics.newTopic(SeenIncidents.TOPIC);
        // Compacted and kept forever: the memory of every incident already triaged.
        seen.configs().put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        seen.configs().put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        return new KafkaAdmin.NewTopics(
                topics.newTopic(Topics.INCIDENT_TRIAGED),
                topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_REPORTED)),
                seen);
    }
}
