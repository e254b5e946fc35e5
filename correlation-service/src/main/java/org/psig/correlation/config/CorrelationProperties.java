package org.psig.correlation.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param growthSteps member counts at which a growing campaign pages again (increasing)
 * @param expiryCheck how often open campaigns are checked for closing: a campaign closes at most this
 *                    long after its window has passed
 */
@Validated
@ConfigurationProperties("psig.correlation")
public record CorrelationProperties(@NotEmpty List<@NotNull @Min(2) Integer> growthSteps, @NotNull Duration expiryCheck) {
}
