package org.psig.intake.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.psig.intake.report.IncidentReportRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Intake settings.
 *
 * @param writeTimeout how long a request waits for Kafka before answering 503; keep it above the
 *                     producer's usual p99 and below the callers' own HTTP timeouts
 * @param allowedClockSkew how far in the future a declarant's detectedAt may be, for clock drift
 * @param retryAfter what a 503 tells clients to wait before retrying
 * @param maxBodySize the largest body accepted; a report is a few KiB, the longest allowed one ~40 KiB
 * @param rateLimit requests allowed per key and instance
 * @param apiKeys the keys allowed to post, stored as SHA-256 hashes, never in clear
 * @param legalEntities the sites of each legal entity a key may be bound to: the entity's key may
 *                      report for these sites and no other, whatever a report declares as its EJ
 * @param snapshots where and how often the memories of reports and verdicts are copied to disk
 * @param admission how many API requests are answered at once, and how long one waits for a place
 */
@Validated
@ConfigurationProperties("psig.intake")
public record IntakeProperties(
        @NotNull Duration writeTimeout,
        @NotNull Duration allowedClockSkew,
        @NotNull Duration retryAfter,
        @NotNull DataSize maxBodySize,
        @NotNull @Valid RateLimit rateLimit,
        @NotNull @Valid List<ApiKey> apiKeys,
        @Valid List<LegalEntity> legalEntities,
        @NotNull @Valid SnapshotSettings snapshots,
        @NotNull @Valid AdmissionSettings admission) {

    public IntakeProperties {
        legalEntities = legalEntities == null ? List.of() : List.copyOf(legalEntities);
    }

    /**
     * @param finessEj the legal entity's FINESS
     * @param sites the FINESS ET of its sites
     */
    public record LegalEntity(@NotNull @Pattern(regexp = IncidentReportRequest.FINESS) String finessEj,
                              @NotEmpty List<@NotNull @Pattern(regexp = IncidentReportRequest.FINESS) String> sites) {
    }

    /**
     * @param directory where snapshots are kept, one file per memory; none are kept when unset (every
     *                  start then reads the topics from their beginning)
     * @param interval how often a memory that moved is copied: a start reads at most this much of the topics
     */
    public record SnapshotSettings(Path directory, @NotNull Duration interval) {

        public SnapshotSettings {
            // An empty setting (the variable unset) is no directory, not the working directory.
            if (directory != null && directory.toString().isBlank()) {
                directory = null;
            }
        }
    }

    /**
     * A request answers within {@code maxWait} plus the write timeout, or is refused with 503 after
     * {@code maxWait}: beyond {@code maxInFlight}, more requests at once only make each one slower.
     *
     * @param maxInFlight API requests answered at once by this instance; the next ones wait
     * @param maxWait how long a request waits for a place before it is refused with 503 and Retry-After
     */
    public record AdmissionSettings(@Positive int maxInFlight, @NotNull Duration maxWait) {
    }

    /**
     * @param perSecond sustained requests per second per key
     * @param burst requests a key may send at once after a quiet period, e.g. a portal flushing a queue
     */
    public record RateLimit(@Positive double perSecond, @Positive int burst) {
    }

    /**
     * @param name who holds the key, for logs and metrics
     * @param sha256 hex SHA-256 of the key
     * @param establishments FINESS ET of sites, or FINESS EJ of legal entities listed in
     *                       {@code legal-entities} (for all their sites), the key may report for;
     *                       {@code *} for all
     */
    public record ApiKey(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String sha256,
                         @NotNull List<@NotBlank String> establishments) {
    }
}
