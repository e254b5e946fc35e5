package org.psig.triage.config;

import java.util.List;

import org.psig.kafka.DeadLetters;
import org.psig.kafka.IncidentMemory;
import org.psig.kafka.TopicFollower;
import org.psig.kafka.TopicProperties;
import org.psig.schemas.Topics;
import org.psig.triage.flow.CampaignMemberships;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.TriagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The topics triage writes or follows, its memory, the campaigns it follows, and its plain-Java
 * policy as a bean with its configured parameters.
 */
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
    CampaignMemberships campaignMemberships() {
        return new CampaignMemberships();
    }

    /** Every instance reads all of psig.incident.campaigns, so that any revision it triages names its campaigns. */
    @Bean
    TopicFollower campaignFollower(ConsumerFactory<String, Object> consumers, CampaignMemberships memberships) {
        return new TopicFollower(consumers, List.of(Topics.INCIDENT_CAMPAIGNS), "triage-campaigns", memberships);
    }

    /** The campaigns topic too, as correlation declares it: triage follows it and may start first. */
    @Bean
    KafkaAdmin.NewTopics triageTopics(TopicProperties topics, IncidentMemory seenIncidents) {
        return new KafkaAdmin.NewTopics(
                topics.newTopic(Topics.INCIDENT_TRIAGED),
                topics.newTopic(Topics.INCIDENT_CAMPAIGNS),
                topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_REPORTED)),
                seenIncidents.newTopic(topics));
    }
}
