package org.psig.intake.config;

import java.time.Clock;

import org.psig.intake.report.ReportTimes;
import org.psig.intake.report.UpdateRules;
import org.psig.kafka.TopicProperties;
import org.psig.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic intake writes, and the clock its time rules read. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReportTimes reportTimes(Clock clock, IntakeProperties properties) {
        return new ReportTimes(clock, properties.allowedClockSkew());
    }

    @Bean
    UpdateRules updateRules(Clock clock, IntakeProperties properties) {
        return new UpdateRules(clock, properties.allowedClockSkew());
    }

    @Bean
    KafkaAdmin.NewTopics intakeTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(topics.newTopic(Topics.INCIDENT_REPORTED));
    }
}
