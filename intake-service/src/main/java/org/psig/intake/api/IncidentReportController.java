package org.psig.intake.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.intake.auth.ApiKeys;
import org.psig.intake.config.IntakeProperties.ApiKey;
import org.psig.intake.publish.ReportPublisher;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.report.IncidentReportRequest;
import org.psig.intake.report.ReportMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/incident-reports}: 202 only once Kafka holds the report. */
@RestController
class IncidentReportController {

    private static final Logger log = LoggerFactory.getLogger(IncidentReportController.class);

    private final ApiKeys apiKeys;
    private final ReportValidator validator;
    private final ReportPublisher publisher;
    private final MeterRegistry meters;
    private final Clock clock;

    IncidentReportController(ApiKeys apiKeys, ReportValidator validator, ReportPublisher publisher,
                             MeterRegistry meters, Clock clock) {
        this.apiKeys = apiKeys;
        this.validator = validator;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
    }

    /** Accepted: the report's id, its status and when it was received. */
    record Accepted(UUID incidentId, String status, Instant receivedAt) {
    }

    @PostMapping(path = "/api/v1/incident-reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Accepted> report(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                    @RequestBody IncidentReportRequest request) {
        ApiKey key = apiKeys.authenticate(authorization);
        validator.validate(request);
        ApiKeys.authorize(key, request.establishment().finessEt(), request.establishment().finessEj());

        UUID incidentId = IncidentIds.of(request.establishment().finessEt(), request.declarantReference());
        Instant receivedAt = clock.instant();
        publisher.publish(ReportMapper.reported(incidentId, request, receivedAt));

        meters.counter("psig.intake.reports", "outcome", "accepted", "reason", "none").increment();
        log.info("Accepted report {} of establishment {} as incident {} (key '{}').",
                request.declarantReference(), request.establishment().finessEt(), incidentId, key.name());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/incident-reports/" + incidentId))
                .body(new Accepted(incidentId, "ACCEPTED", receivedAt));
    }
}
