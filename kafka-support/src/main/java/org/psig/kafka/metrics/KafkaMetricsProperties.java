package org.psig.kafka.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param kafkaInterval how often consumer lag and waiting dead letters are read from the broker; a
 *                      Prometheus scrape in between sees the last reading
 */
@Validated
@ConfigurationProperties("psig.metrics")
public record KafkaMetricsProperties(@NotNull @DefaultValue("15s") Duration kafkaInterval) {
}
