package org.psig.kafka;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.psig.schemas.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/**
 * How the topics a service writes are created at start. Local defaults are one replica; a production
 * cluster wants {@code replication-factor: 3} and {@code min-insync-replicas: 2} so that acks=all
 * survives the loss of a broker.
 *
 * @param partitions partitions per topic: the ceiling on consumer instances of one group
 * @param replicationFactor copies of each partition
 * @param minInsyncReplicas copies that must acknowledge an acks=all write
 * @param retention how long records are kept; reports are a legal record, so keep them long
 */
@Validated
@ConfigurationProperties("psig.topics")
public record TopicProperties(
        @Min(1) @Max(1000) int partitions,
        @Min(1) @Max(10) short replicationFactor,
        @Min(1) @Max(10) int minInsyncReplicas,
        @NotNull Duration retention) {

    /** Topics that hold each key's latest state rather than a history: compacted. */
    private static final Set<String> COMPACTED = Set.of(Topics.INCIDENT_CAMPAIGNS);

    /** The topic as every service that writes or follows it declares it, whichever starts first. */
    public NewTopic newTopic(String name) {
        NewTopic topic = TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicationFactor)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas))
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
                .build();
        if (COMPACTED.contains(name)) {
            topic.configs().put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return topic;
    }
}
