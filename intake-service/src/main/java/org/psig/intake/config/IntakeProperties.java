package org.psig.intake.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Intake settings.
 *
 * @param writeTimeout how long a request waits for Kafka before answering 503; keep it above the
 *                     producer's usual p99 and below the callers' own HTTP timeouts
 * @param allowedClockSkew how far in the future a declarant's detectedAt may be, for clock drift
 * @param retryAfter what a 503 tells clients to wait before retrying
 * @param apiKeys the keys allowed to post, stored as SHA-256 hashes, never in clear
 */
@Validated
@ConfigurationProperties("psig.intake")
public record IntakeProperties(
        @NotNull Duration writeTimeout,
        @NotNull Duration allowedClockSkew,
        @NotNull Duration retryAfter,
        @NotNull @Valid List<ApiKey> apiKeys) {

    /**
     * @param name who holds the key, for logs and metrics
     * @param sha256 hex SHA-256 of the key
     * @param establishments FINESS ET or EJ numbers the key may report for; {@code *} for all
     */
    public record ApiKey(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String sha256,
                         @NotNull List<@NotBlank String> establishments) {

        public boolean covers(String finessEt, String finessEj) {
            return establishments.contains("*") || establishments.contains(finessEt)
                    || (finessEj != null && establishments.contains(finessEj));
        }
    }
}
